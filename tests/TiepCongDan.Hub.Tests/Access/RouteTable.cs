using System.Net;

namespace TiepCongDan.Hub.Tests.Access;

/// <summary>
/// Every route of the hub and how it treats a user of province 14 only. A route the app maps that
/// is not here fails <see cref="RouteScopingTests.Every_route_of_the_app_has_a_row"/>: add a row
/// (method and pattern exactly as mapped, e.g. "/api/devices/{id}" or a group's "/api/users/").
/// </summary>
public static class RouteTable
{
    private static readonly HttpStatusCode[] OfflineKiosk = [HttpStatusCode.Conflict];
    private static readonly HttpStatusCode[] AlreadyClosedOrAcknowledged = [HttpStatusCode.Conflict];

    public static IReadOnlyList<RouteRow> Rows { get; } =
    [
        // Fleet: kiosks, their history and self-tests, the live event stream.
        new("GET", "/api/devices/", RouteAccess.Filtered) { Own = "/api/devices", OwnMarker = "{k14}", ForeignMarker = "{k15}" },
        new("GET", "/api/devices/{id}", RouteAccess.Scoped) { Own = "/api/devices/{k14}", Foreign = "/api/devices/{k15}" },
        new("GET", "/api/devices/{id}/history", RouteAccess.Scoped) { Own = "/api/devices/{k14}/history", Foreign = "/api/devices/{k15}/history" },
        new("POST", "/api/devices/{id}/commands", RouteAccess.Scoped, "operator")
        {
            Own = "/api/devices/{k14}/commands", Foreign = "/api/devices/{k15}/commands", Body = new { command = "rebirth" }, OwnStatuses = OfflineKiosk,
        },
        new("POST", "/api/devices/{id}/line-test", RouteAccess.Scoped, "operator")
        {
            Own = "/api/devices/{k14}/line-test", Foreign = "/api/devices/{k15}/line-test", OwnStatuses = OfflineKiosk,
        },
        new("GET", "/api/devices/{id}/selftest", RouteAccess.Scoped) { Own = "/api/devices/{k14}/selftest", Foreign = "/api/devices/{k15}/selftest" },
        new("GET", "/api/selftest", RouteAccess.Filtered) { Own = "/api/selftest", OwnMarker = "{k14}", ForeignMarker = "{k15}" },
        new("GET", "/api/events", RouteAccess.Filtered) { Own = "/api/events", OwnMarker = "{k14}", ForeignMarker = "{k15}", EventStream = true },
        new("GET", "/metrics", RouteAccess.Fleet) { Own = "/metrics" },
        new("GET", "/healthz", RouteAccess.Anonymous) { Own = "/healthz" },

        // Remote commands (#8 part 3).
        new("GET", "/api/devices/{id}/commands", RouteAccess.Scoped) { Own = "/api/devices/{k14}/commands", Foreign = "/api/devices/{k15}/commands", OwnBodyContains = "{c14}" },
        new("GET", "/api/commands/{commandId}", RouteAccess.Scoped) { Own = "/api/commands/{c14}", Foreign = "/api/commands/{c15}" },
        new("GET", "/api/commands/{commandId}/artifact", RouteAccess.Scoped, "operator")
        {
            Own = "/api/commands/{c14}/artifact", Foreign = "/api/commands/{c15}/artifact", OwnStatuses = [HttpStatusCode.NotFound],
            OwnBodyContains = "Tệp kết quả đã được xoá",
        },
        new("POST", "/api/kiosk/commands/{commandId}/result", RouteAccess.Kiosk) { Own = "/api/kiosk/commands/{c14}/result", Body = new { } },
        new("PUT", "/api/kiosk/commands/{commandId}/artifact", RouteAccess.Kiosk) { Own = "/api/kiosk/commands/{c14}/artifact", Body = new { } },

        // Users and the audit log.
        new("GET", "/api/users/", RouteAccess.Fleet, "admin") { Own = "/api/users" },
        new("POST", "/api/users/", RouteAccess.Fleet, "admin")
        {
            Own = "/api/users", Body = new { username = "tinh14-moi", password = "mat-khau-moi-123", role = "admin", provinces = "" },
        },
        new("GET", "/api/audit/", RouteAccess.Filtered, "admin") { Own = "/api/audit?limit=1000", OwnMarker = "\"target\":\"{g14}\"", ForeignMarker = "\"target\":\"{g15}\"" },
        new("GET", "/api/audit/verify", RouteAccess.Unscoped, "admin") { Own = "/api/audit/verify", Reason = "one hash chain for the whole log; the answer names no entry's content" },

        // Alerts.
        new("GET", "/api/alerts/", RouteAccess.Filtered) { Own = "/api/alerts?state=all", OwnMarker = "\"kioskId\":\"{k14}\"", ForeignMarker = "\"kioskId\":\"{k15}\"" },
        new("GET", "/api/alerts/history", RouteAccess.Filtered) { Own = "/api/alerts/history", OwnMarker = "\"kioskId\":\"{k14}\"", ForeignMarker = "\"kioskId\":\"{k15}\"" },
        new("GET", "/api/alerts/rules", RouteAccess.Unscoped) { Own = "/api/alerts/rules?province=14", Reason = "the rules' settings, no kiosk's data" },
        new("GET", "/api/alerts/{id:long}", RouteAccess.Scoped) { Own = "/api/alerts/{a14}", Foreign = "/api/alerts/{a15}" },
        new("POST", "/api/alerts/{id:long}/ack", RouteAccess.Scoped, "operator")
        {
            Own = "/api/alerts/{a14}/ack", Foreign = "/api/alerts/{a15}/ack", Body = new { comment = "Đã gọi cán bộ xã kiểm tra." },
            OwnStatuses = AlreadyClosedOrAcknowledged,
        },

        // The archive.
        new("GET", "/api/sessions/", RouteAccess.Filtered) { Own = "/api/sessions", OwnMarker = "{s14}", ForeignMarker = "{s15}" },
        new("GET", "/api/sessions/deletions", RouteAccess.Filtered) { Own = "/api/sessions/deletions", Reason = "no deletion seeded: checks the answer only" },
        new("GET", "/api/sessions/{id}", RouteAccess.Scoped) { Own = "/api/sessions/{s14}", Foreign = "/api/sessions/{s15}" },
        new("GET", "/api/sessions/{id}/verify", RouteAccess.Scoped) { Own = "/api/sessions/{s14}/verify", Foreign = "/api/sessions/{s15}/verify" },
        new("GET", "/api/sessions/{id}/export.mp4", RouteAccess.Scoped) { Own = "/api/sessions/{s14}/export.mp4", Foreign = "/api/sessions/{s15}/export.mp4" },
        new("PUT", "/api/sessions/{id}/metadata", RouteAccess.Scoped, "operator")
        {
            Own = "/api/sessions/{s14}/metadata", Foreign = "/api/sessions/{s15}/metadata",
            Body = new { officials = new[] { new { name = "Lê Văn Tiếp", role = "Cán bộ tiếp dân" } }, caseKind = "complaint", citizenRef = "" },
        },
        new("PUT", "/api/sessions/{id}/legal-hold", RouteAccess.Scoped, "admin")
        {
            Own = "/api/sessions/{s14}/legal-hold", Foreign = "/api/sessions/{s15}/legal-hold", Body = new { legalHold = true },
        },
        new("GET", "/sessions.html", RouteAccess.Unscoped) { Own = "/sessions.html", Reason = "the page shell; its data comes from /api/sessions" },
        new("GET", "/sessions.js", RouteAccess.Anonymous) { Own = "/sessions.js" },

        // Live sessions.
        new("GET", "/api/live", RouteAccess.Filtered) { Own = "/api/live", OwnMarker = "{l14}", ForeignMarker = "{l15}" },
        new("GET", "/api/live/{id}/watch.mp4", RouteAccess.Scoped) { Own = "/api/live/{l14}/watch.mp4", Foreign = "/api/live/{l15}/watch.mp4", Endless = true },

        // The reception register, reports and the register export.
        new("GET", "/api/reception/sessions/", RouteAccess.Filtered) { Own = "/api/reception/sessions", OwnMarker = "{r14}", ForeignMarker = "{r15}" },
        new("GET", "/api/reception/sessions/{id}", RouteAccess.Scoped) { Own = "/api/reception/sessions/{r14}", Foreign = "/api/reception/sessions/{r15}" },
        new("GET", "/api/reception/export", RouteAccess.Filtered, "operator")
        {
            Own = "/api/reception/export?from=" + AccessWorld.ReportDay + "&to=" + AccessWorld.ReportDay, OwnMarker = "{r14}", ForeignMarker = "{r15}",
        },
        new("GET", "/api/reports/service", RouteAccess.Filtered)
        {
            Own = "/api/reports/service?from=" + AccessWorld.ReportDay + "&to=" + AccessWorld.ReportDay, OwnMarker = "\"province\":\"14\"", ForeignMarker = "\"province\":\"15\"",
        },
        new("GET", "/reports/service", RouteAccess.Filtered)
        {
            Own = "/reports/service?from=" + AccessWorld.ReportDay + "&to=" + AccessWorld.ReportDay, OwnMarker = "<tr><td>14</td>", ForeignMarker = "<tr><td>15</td>",
        },

        // Provisioning.
        new("GET", "/api/kiosks/registrations", RouteAccess.Filtered, "admin") { Own = "/api/kiosks/registrations", OwnMarker = "{g14}", ForeignMarker = "{g15}" },
        new("POST", "/api/kiosks/register", RouteAccess.Scoped, "admin")
        {
            Own = "/api/kiosks/register", Foreign = "/api/kiosks/register", ForeignStatus = HttpStatusCode.Forbidden,
            Body = Registration("14-04173"), ForeignBody = Registration("15-04502"),
        },
        new("POST", "/api/kiosks/{kioskId}/revoke", RouteAccess.Scoped, "admin")
        {
            Own = "/api/kiosks/{g14}/revoke", Foreign = "/api/kiosks/{g15}/revoke", Body = new { reason = "thử nghiệm phạm vi tỉnh" },
        },

        // Kiosks' own API: kiosk credentials only.
        new("POST", "/api/kiosks/enroll", RouteAccess.Kiosk) { Own = "/api/kiosks/enroll" },
        new("POST", "/api/kiosk/reception/events", RouteAccess.Kiosk) { Own = "/api/kiosk/reception/events", Body = new { events = Array.Empty<object>() } },
        new("POST", "/api/kiosk/selftest/report", RouteAccess.Kiosk) { Own = "/api/kiosk/selftest/report", Body = new { } },
        new("GET", "/api/kiosk/selftest/ping", RouteAccess.Kiosk) { Own = "/api/kiosk/selftest/ping" },
        new("POST", "/api/kiosk/selftest/upload", RouteAccess.Kiosk) { Own = "/api/kiosk/selftest/upload", Body = new { } },
        new("GET", "/api/kiosk/selftest/download", RouteAccess.Kiosk) { Own = "/api/kiosk/selftest/download?bytes=10" },
        new("PUT", "/api/media/v1/sessions/{sessionId}/", RouteAccess.Kiosk) { Own = "/api/media/v1/sessions/{s14}/", Body = new { } },
        new("GET", "/api/media/v1/sessions/{sessionId}/segments", RouteAccess.Kiosk) { Own = "/api/media/v1/sessions/{s14}/segments" },
        new("HEAD", "/api/media/v1/sessions/{sessionId}/segments/{sequence}", RouteAccess.Kiosk) { Own = "/api/media/v1/sessions/{s14}/segments/0" },
        new("PATCH", "/api/media/v1/sessions/{sessionId}/segments/{sequence}", RouteAccess.Kiosk) { Own = "/api/media/v1/sessions/{s14}/segments/0", Body = new { } },

        // Pages and their files.
        new("GET", "/", RouteAccess.Unscoped) { Own = "/", Reason = "the fleet page shell; its data comes from /api/events" },
        new("GET", "/live.html", RouteAccess.Unscoped) { Own = "/live.html", Reason = "the page shell; its data comes from /api/live" },
        new("GET", "/app.js", RouteAccess.Anonymous) { Own = "/app.js" },
        new("GET", "/style.css", RouteAccess.Anonymous) { Own = "/style.css" },
        new("GET", "/live.js", RouteAccess.Anonymous) { Own = "/live.js" },
        // Operator console pages and their data (#8 part 1).
        new("GET", "/kiosk.html", RouteAccess.Unscoped) { Own = "/kiosk.html", Reason = "the page shell; its data comes from /api/devices and /api/events" },
        new("GET", "/alerts.html", RouteAccess.Unscoped) { Own = "/alerts.html", Reason = "the page shell; its data comes from /api/alerts" },
        new("GET", "/api/console/me", RouteAccess.Unscoped) { Own = "/api/console/me", Reason = "the signed-in user's own name, role and provinces" },
        new("GET", "/common.js", RouteAccess.Anonymous) { Own = "/common.js" },
        new("GET", "/kiosk.js", RouteAccess.Anonymous) { Own = "/kiosk.js" },
        new("GET", "/alerts.js", RouteAccess.Anonymous) { Own = "/alerts.js" },
        new("GET", "/api/console/summary", RouteAccess.Filtered) { Own = "/api/console/summary", OwnMarker = "\"province\":\"14\"", ForeignMarker = "\"province\":\"15\"" },
        new("GET", "/login", RouteAccess.Anonymous) { Own = "/login" },
        new("POST", "/login", RouteAccess.Anonymous)
        {
            Own = "/login", AnonymousStatus = HttpStatusCode.Redirect, Body = new Dictionary<string, string> { ["username"] = "op14", ["password"] = "sai" },
        },
        new("POST", "/logout", RouteAccess.Anonymous) { Own = "/logout", AnonymousStatus = HttpStatusCode.Redirect },
    ];

    private static object Registration(string kioskId) => new
    {
        kioskId, province = kioskId[..2], commune = kioskId[3..], certificateFingerprint = new string('B', 64),
    };
}
