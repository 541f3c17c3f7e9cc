namespace TiepCongDan.Edge.SelfTest;

/// <summary>One ffmpeg run: exit code (-1 when killed at its time limit), standard output, the last log lines.</summary>
internal sealed record FfmpegResult(int ExitCode, byte[] Output, string LogTail, bool TimedOut);
