namespace TiepCongDan.Edge.Health;

/// <summary>Reads system files under a root folder: "/" on a kiosk, a fixture folder in tests.</summary>
public sealed class RootedSystemFiles(string root) : ISystemFiles
{
    public static RootedSystemFiles Host { get; } = new("/");

    public string Root { get; } = root;

    public string? ReadText(string absolutePath)
    {
        try
        {
            var path = Map(absolutePath);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public IReadOnlyList<string> Directories(string absolutePath, string pattern)
    {
        try
        {
            var path = Map(absolutePath);
            if (!Directory.Exists(path))
            {
                return [];
            }

            return Directory.GetDirectories(path, pattern)
                .Select(d => "/" + Path.GetRelativePath(Root, d).Replace('\\', '/').TrimStart('/'))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private string Map(string absolutePath) => Root == "/" ? absolutePath : Path.Join(Root, absolutePath.TrimStart('/'));
}
