namespace TiepCongDan.Hub.Options;

/// <summary>The configuration cannot work; the message is meant for the technician (Program prints it and exits 78).</summary>
public sealed class HubConfigurationException : Exception
{
    public HubConfigurationException(string message) : base(message)
    {
    }

    public HubConfigurationException()
    {
    }

    public HubConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
