namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>A new ffmpeg process started: its MPEG-TS begins a fresh stream, so the segmenter cuts here.</summary>
public sealed class FfmpegStartedEventArgs(int pid, EncodeSettings encode, StreamOffsets offsets) : EventArgs
{
    public int Pid { get; } = pid;

    public EncodeSettings Encode { get; } = encode;

    public StreamOffsets Offsets { get; } = offsets;
}
