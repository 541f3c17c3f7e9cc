namespace TiepCongDan.Edge.Provisioning;

/// <summary>Where first boot finds the bundle and puts what is in it.</summary>
public sealed record FirstBootSettings
{
    public const string DefaultBundlePath = "/boot/firmware/tcd-kiosk.bundle";
    public const string DefaultEtcDirectory = "/etc/tcd-edge";
    public const string DefaultDataDirectory = "/var/lib/tcd-edge";
    public const string ServiceUser = "tcd-edge";

    public string BundlePath { get; init; } = DefaultBundlePath;

    /// <summary>edge.json goes here, the secrets into its secrets/ folder.</summary>
    public string EtcDirectory { get; init; } = DefaultEtcDirectory;

    /// <summary>The kiosk's data partition folder (media and reception keys).</summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory;

    /// <summary>The one-time code the technician types or scans.</summary>
    public string? Code { get; init; }

    /// <summary>The fleet CA the image trusts (PEM); null or missing = trust the CA inside the bundle.</summary>
    public string? PinnedFleetCaPath { get; init; }

    /// <summary>False skips the call to the hub's enrol endpoint (a bench without a hub).</summary>
    public bool Enroll { get; init; } = true;

    public string ConfigPath => Path.Combine(EtcDirectory, "edge.json");

    /// <summary>
    /// systemd-timesyncd's drop-in folder beside <see cref="EtcDirectory"/>: /etc/systemd/timesyncd.conf.d
    /// for /etc/tcd-edge (so a test's temporary etc never touches the machine's).
    /// </summary>
    public string TimesyncDirectory => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(EtcDirectory)) ?? "/etc", "systemd", "timesyncd.conf.d");

    /// <summary>The bundle's NTP servers; named to sort after firmware-config's tcd-edge.conf, whose servers it replaces.</summary>
    public string TimesyncDropInPath => Path.Combine(TimesyncDirectory, "tcd-provisioned.conf");

    public string SecretsDirectory => Path.Combine(EtcDirectory, "secrets");

    /// <summary>Written last before the bundle is deleted: says which bundle is installed (no secrets).</summary>
    public string MarkerPath => Path.Combine(EtcDirectory, "provisioned.json");
}
