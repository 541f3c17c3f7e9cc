namespace TiepCongDan.Contracts.Fleet;

/// <summary>
/// Names of the kiosk (edge node) metrics. Every NBIRTH carries all of them; NDATA carries the
/// ones that changed. Units are in the name's doc; a Sparkplug host needs nothing else to read them.
/// </summary>
public static class NodeMetrics
{
    /// <summary>UInt64: counts the node's MQTT sessions; the NDEATH Will carries the same value as the next NBIRTH.</summary>
    public const string BdSeq = "bdSeq";

    public const string Rebirth = "Node Control/Rebirth";
    public const string Reboot = "Node Control/Reboot";
    public const string RestartService = "Node Control/Restart Service";
    public const string Ping = "Node Control/Ping";

    /// <summary>Boolean: restart the running session's encoder (media pipeline); nothing to do when idle.</summary>
    public const string RestartMedia = "Node Control/Restart Media";
    /// <summary>Boolean: run the on-site self-test without a person (no button prompts) and send its report.</summary>
    public const string SelfTest = "Node Control/Self Test";
    /// <summary>Boolean: upload a .tar.gz of the recent journal, redacted configuration, versions and last self-test.</summary>
    public const string CollectLogs = "Node Control/Collect Logs";
    /// <summary>Boolean: upload a PNG of the kiosk's screen (refused while a citizen is at the kiosk).</summary>
    public const string Screenshot = "Node Control/Screenshot";
    /// <summary>Boolean: upload one JPEG from the camera (refused while a citizen is at the kiosk).</summary>
    public const string CameraStill = "Node Control/Camera Still";
    /// <summary>
    /// String, next to the Boolean command metric in the same NCMD: the hub's id of this command; the
    /// kiosk reports the outcome under it (<see cref="Commands.CommandProtocol"/>). Absent from older hubs.
    /// </summary>
    public const string CommandId = "Node Control/Command Id";

    /// <summary>String: the edge service's version.</summary>
    public const string ServiceVersion = "Properties/Service Version";
    /// <summary>String: the province code (also the Sparkplug group id).</summary>
    public const string Province = "Properties/Province";
    /// <summary>String: the commune or ward code.</summary>
    public const string Commune = "Properties/Commune";
    /// <summary>String: the board model (e.g. "Raspberry Pi 4 Model B") or "unknown".</summary>
    public const string Board = "Properties/Board";

    /// <summary>Double: 1-minute load average divided by the number of cores (1.0 = all cores busy).</summary>
    public const string CpuLoad = "System/CPU Load";
    /// <summary>Double, °C; null when the board has no sensor.</summary>
    public const string CpuTemperature = "System/CPU Temperature";
    /// <summary>UInt64, bytes.</summary>
    public const string MemoryTotal = "System/Memory Total";
    /// <summary>UInt64, bytes.</summary>
    public const string MemoryAvailable = "System/Memory Available";
    /// <summary>UInt64, bytes free on the data partition.</summary>
    public const string DiskFree = "System/Disk Free";
    /// <summary>UInt64, bytes on the data partition.</summary>
    public const string DiskTotal = "System/Disk Total";
    /// <summary>UInt64, seconds since the board booted.</summary>
    public const string Uptime = "System/Uptime";
    /// <summary>String: the interface carrying the default route, e.g. "wwan0".</summary>
    public const string NetworkInterface = "Network/Interface";
    /// <summary>Double, ms: round trip to the hub; null when the hub did not answer.</summary>
    public const string HubRtt = "Network/Hub RTT";
    /// <summary>Boolean: the system clock is synchronised (a Pi has no RTC).</summary>
    public const string ClockSynced = "Clock/Synced";
    /// <summary>UInt32: the Raspberry Pi firmware's get_throttled bit field; null off a Pi.</summary>
    public const string Throttled = "System/Throttled";
    /// <summary>UInt64: outbox records dropped because the outbox was full.</summary>
    public const string OutboxDropped = "Store/Outbox Dropped";
    /// <summary>UInt64: outbox records waiting to be sent.</summary>
    public const string OutboxPending = "Store/Outbox Pending";
}
