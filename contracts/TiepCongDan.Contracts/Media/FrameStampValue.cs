namespace TiepCongDan.Contracts.Media;

/// <summary>What one <see cref="FrameStamp"/> says: the capture frame number and the capture wall clock (Unix ms).</summary>
public readonly record struct FrameStampValue(uint FrameNumber, long CaptureUnixMs);
