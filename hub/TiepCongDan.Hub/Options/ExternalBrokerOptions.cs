namespace TiepCongDan.Hub.Options;

public sealed class ExternalBrokerOptions
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    public string Username { get; set; } = "tcd-hub";

    public string Password { get; set; } = string.Empty;

    public bool UseTls { get; set; }
}
