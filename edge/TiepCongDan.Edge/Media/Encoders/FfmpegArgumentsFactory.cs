using TiepCongDan.Edge.Media.Capture;

namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>Builds ffmpeg's arguments for a rung and the offsets where the session continues (<see cref="FfmpegArguments.Build"/> by default).</summary>
public delegate IReadOnlyList<string> FfmpegArgumentsFactory(CaptureSettings capture, EncodeSettings encode, StreamOffsets offsets, ResolvedDevices? devices);
