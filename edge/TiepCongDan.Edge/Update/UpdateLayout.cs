namespace TiepCongDan.Edge.Update;

/// <summary>
/// Where releases and update state live (docs/decisions/0026). Every path is under <see cref="Root"/>
/// ("/" on a kiosk, a temporary folder in tests): /opt/tcd-edge/releases/&lt;version&gt;/, the
/// <c>current</c> and <c>previous</c> symlinks beside them, the pending-update marker, and in the
/// edge's data directory (the only place the sandboxed service may write) its confirmation.
/// </summary>
public sealed class UpdateLayout
{
    public const string ConfirmationFileName = "update-confirmed.json";

    public const string ResultFileName = "update-result.json";

    public UpdateLayout(string root, string dataDirectory = "/var/lib/tcd-edge")
    {
        Root = Path.GetFullPath(root);
        Base = Under("/opt/tcd-edge");
        DataDirectory = Under(dataDirectory);
    }

    public string Root { get; }

    /// <summary>/opt/tcd-edge under the root.</summary>
    public string Base { get; }

    public string DataDirectory { get; }

    public string Releases => Path.Combine(Base, "releases");

    public string Current => Path.Combine(Base, "current");

    public string Previous => Path.Combine(Base, "previous");

    public string PendingMarker => Path.Combine(Base, "pending-update.json");

    /// <summary>Versions that were rolled back once; installing one again needs --force.</summary>
    public string BadVersions => Path.Combine(Base, "bad-versions.txt");

    public string Confirmation => Path.Combine(DataDirectory, ConfirmationFileName);

    /// <summary>The guard's last outcome, readable by the edge to report to the hub.</summary>
    public string Result => Path.Combine(DataDirectory, ResultFileName);

    public string ReleaseDirectory(string version) => Path.Combine(Releases, version);

    /// <summary>The version a symlink (current/previous) points at, or null when it does not exist.</summary>
    public static string? LinkVersion(string link)
    {
        var info = new FileInfo(link);
        if (info.LinkTarget is not { } target)
        {
            return null;
        }

        return Path.GetFileName(target.TrimEnd('/'));
    }

    private string Under(string absolute) => Path.Combine(Root, absolute.TrimStart('/'));
}
