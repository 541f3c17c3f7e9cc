namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>One ffmpeg run: the program, its arguments, and the device paths a failure reason should name.</summary>
public sealed record FfmpegStartInfo(string FfmpegPath, IReadOnlyList<string> Arguments, string CameraPath = "", string MicrophoneDevice = "");
