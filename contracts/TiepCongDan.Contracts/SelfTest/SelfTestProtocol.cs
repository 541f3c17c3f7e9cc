namespace TiepCongDan.Contracts.SelfTest;

/// <summary>
/// The kiosk-to-hub self-test API (HTTP Basic with the kiosk id and its MQTT password, like the
/// segment upload and the reception events) and the operators' view of the latest report.
/// </summary>
public static class SelfTestProtocol
{
    /// <summary>Every kiosk route starts here (the hub sends these to its kiosk authentication).</summary>
    public const string KioskBasePath = "/api/kiosk/selftest";

    /// <summary>POST a <see cref="SelfTestReport"/>; 200 with <c>{"stored": true}</c>. The hub keeps the latest per kiosk.</summary>
    public const string ReportPath = KioskBasePath + "/report";

    /// <summary>GET: 200 <c>{"serverUnixMs": n}</c> with a Date header; the kiosk times it (RTT) and compares clocks.</summary>
    public const string PingPath = KioskBasePath + "/ping";

    /// <summary>POST any bytes (at most <see cref="MaxTransferBytes"/>); 200 <c>{"bytes": n}</c> once all are read: the kiosk's upload speed.</summary>
    public const string UploadPath = KioskBasePath + "/upload";

    /// <summary>GET ?bytes=N (at most <see cref="MaxTransferBytes"/>): N bytes: the kiosk's download speed.</summary>
    public const string DownloadPath = KioskBasePath + "/download";

    /// <summary>Largest upload or download the hub serves for a throughput test.</summary>
    public const int MaxTransferBytes = 8 * 1024 * 1024;

    /// <summary>Largest report the hub stores (a report is a few kilobytes).</summary>
    public const int MaxReportBytes = 256 * 1024;

    /// <summary>The operators' route for a kiosk's latest report (any signed-in user).</summary>
    public static string OperatorPath(string kioskId) => "/api/devices/" + kioskId + "/selftest";
}
