namespace TiepCongDan.Edge.Voice;

/// <summary>Plays to an ALSA device by name (Edge:Voice:Device), through ffmpeg's alsa output.</summary>
public sealed class AlsaVoiceOutput : VoiceOutput
{
    private readonly string _device;

    public AlsaVoiceOutput(string device)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        _device = device;
    }

    public override bool NeedsPacing => false;

    public override IReadOnlyList<string> OutputArguments(long playbackNumber) => ["-f", "alsa", _device];
}
