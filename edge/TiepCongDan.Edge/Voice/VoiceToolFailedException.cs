namespace TiepCongDan.Edge.Voice;

/// <summary>espeak-ng, sox or ffmpeg ran but failed or overran its time; the message carries its last error line.</summary>
public sealed class VoiceToolFailedException : Exception
{
    public VoiceToolFailedException()
    {
    }

    public VoiceToolFailedException(string message)
        : base(message)
    {
    }

    public VoiceToolFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
