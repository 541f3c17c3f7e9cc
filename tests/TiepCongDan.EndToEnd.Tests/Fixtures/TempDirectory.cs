namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>A fresh directory under /tmp, deleted on dispose (best effort: a killed child may still hold files).</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix)
    {
        Path = Directory.CreateTempSubdirectory($"tcd-{prefix}-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
