namespace TiepCongDan.Hub.Options;

public sealed class FleetOptions
{
    /// <summary>File with the 32-byte fleet device secret; empty = {DataDirectory}/fleet-device-secret.</summary>
    public string DeviceSecretFile { get; set; } = string.Empty;

    /// <summary>Kiosk ids refused at connect even with a correct password or certificate.</summary>
    public List<string> RevokedKiosks { get; set; } = [];

    /// <summary>Fallback only: a kiosk silent this long is shown offline even though no NDEATH arrived.</summary>
    public int OfflineGraceSeconds { get; set; } = 600;

    /// <summary>One history row per kiosk per this many seconds.</summary>
    public int HistoryIntervalSeconds { get; set; } = 60;

    public int HistoryRetentionDays { get; set; } = 30;

    public string DeviceSecretPath(string dataDirectoryFullPath) =>
        string.IsNullOrWhiteSpace(DeviceSecretFile)
            ? Path.Combine(dataDirectoryFullPath, "fleet-device-secret")
            : Path.GetFullPath(DeviceSecretFile);
}
