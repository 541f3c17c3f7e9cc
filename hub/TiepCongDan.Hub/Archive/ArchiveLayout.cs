using System.Globalization;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// Where a session's files are on disk, following <see cref="Media.FileSegmentArchive"/>:
/// {DataDirectory}/archive/{kiosk}/{session}/{seq:D6}.ts, with manifest.json and manifest.sig beside the
/// segments and earlier signed manifests under manifests/ (v0001.json, v0001.sig, ...). Exports are
/// cached outside the archive ({DataDirectory}/archive-exports) so they never count as extra files.
/// </summary>
public sealed class ArchiveLayout
{
    public const string ManifestFile = "manifest.json";
    public const string SignatureFile = "manifest.sig";
    public const string HistoryFolder = "manifests";

    public ArchiveLayout(string dataDirectoryFullPath)
    {
        DataDirectory = dataDirectoryFullPath;
        Root = Path.Combine(dataDirectoryFullPath, "archive");
        ExportRoot = Path.Combine(dataDirectoryFullPath, "archive-exports");
    }

    public string DataDirectory { get; }

    public string Root { get; }

    public string ExportRoot { get; }

    public string SessionDirectory(string kioskId, string sessionId) => Path.Combine(Root, kioskId, sessionId);

    public static string SegmentFileName(int sequence) => sequence.ToString("D6", CultureInfo.InvariantCulture) + ".ts";

    /// <summary>manifests/v0001.json: where version <paramref name="version"/> is kept once a newer one is signed.</summary>
    public static string HistoryName(int version, string extension) =>
        HistoryFolder + "/v" + version.ToString("D4", CultureInfo.InvariantCulture) + extension;
}
