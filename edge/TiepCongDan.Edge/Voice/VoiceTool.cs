namespace TiepCongDan.Edge.Voice;

/// <summary>A program the voice runs as a child process, and the Debian package that installs it.</summary>
public sealed record VoiceTool(string Name, string DebianPackage)
{
    public static VoiceTool EspeakNg { get; } = new("espeak-ng", "espeak-ng");

    public static VoiceTool Sox { get; } = new("sox", "sox");

    public static VoiceTool Ffmpeg { get; } = new("ffmpeg", "ffmpeg");
}
