namespace TiepCongDan.Edge.Voice;

/// <summary>A program the voice needs cannot be started; the message names the Debian package.</summary>
public sealed class VoiceToolMissingException : Exception
{
    public VoiceToolMissingException()
    {
    }

    public VoiceToolMissingException(string message)
        : base(message)
    {
    }

    public VoiceToolMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public VoiceToolMissingException(VoiceTool tool, string path, Exception innerException)
        : base($"Cannot start '{path}' ({tool?.Name}): install Debian's {tool?.DebianPackage} (apt-get install {tool?.DebianPackage}).", innerException)
    {
        ArgumentNullException.ThrowIfNull(tool);
        DebianPackage = tool.DebianPackage;
    }

    /// <summary>The package to install, e.g. espeak-ng.</summary>
    public string DebianPackage { get; } = string.Empty;
}
