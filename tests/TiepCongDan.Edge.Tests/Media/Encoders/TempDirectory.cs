namespace TiepCongDan.Edge.Tests.Media.Encoders;

/// <summary>A per-test directory under /tmp, deleted at the end.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("tcd-ffmpeg-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
