using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.SelfTest;
using TiepCongDan.Hub.SelfTest;

namespace TiepCongDan.Hub.Tests.SelfTest;

/// <summary>
/// A simulated kiosk's whole self-test against the real hub: the link (ping, 1 MiB each way), the
/// clock offset, a short SRT test stream into the hub's ingest, and the report stored for operators.
/// </summary>
public sealed class SelfTestReachesHub_Tests
{
    [Fact]
    public async Task Every_check_passes_and_operators_see_the_report()
    {
        await using var hub = await SelfTestHub.StartAsync();
        using var kiosk = new SelfTestEdgeKiosk(hub, "14-04171");

        var run = await kiosk.RunAsync(new SelfTestSettings());

        Assert.True(run.Report.Passed, string.Join("\n", run.Report.Checks.Select(c => $"{c.Id}: {c.Status} {c.SummaryEn}")));
        Assert.Equal(SelfTestCheckIds.All, run.Report.Checks.Select(c => c.Id));
        Assert.True(run.SentToHub, run.SendProblem);
        var srt = run.Report.Checks.Single(c => c.Id == SelfTestCheckIds.SrtStream);
        Assert.Equal(SelfTestStatus.Pass, srt.Status);
        Assert.True(long.Parse(srt.Measurements["sentBytes"], System.Globalization.CultureInfo.InvariantCulture) > 10_000);
        var link = run.Report.Checks.Single(c => c.Id == SelfTestCheckIds.HubLink);
        Assert.True(link.Measurements.ContainsKey("uploadMbps") && link.Measurements.ContainsKey("rttMs"));
        var clock = run.Report.Checks.Single(c => c.Id == SelfTestCheckIds.Clock);
        Assert.InRange(long.Parse(clock.Measurements["hubOffsetMs"], System.Globalization.CultureInfo.InvariantCulture), -1000, 1000);

        var view = await hub.Admin.GetFromJsonAsync<SelfTestView>(SelfTestProtocol.OperatorPath("14-04171"), SelfTestJson.Options);
        Assert.NotNull(view);
        Assert.True(view.Passed);
        Assert.Empty(view.FailedChecks);
        Assert.Equal(8, view.Report!.Checks.Count);
        Assert.Equal("Luồng hình thử (SRT)", view.Report.Checks[^1].Name);
        var failed = await hub.Admin.GetFromJsonAsync<List<SelfTestView>>("/api/selftest?failed=true", SelfTestJson.Options);
        Assert.Empty(failed!);
    }

    [Fact]
    public async Task A_failed_self_test_is_listed_for_the_operations_alert_naming_the_part()
    {
        await using var hub = await SelfTestHub.StartAsync();
        using var kiosk = new SelfTestEdgeKiosk(hub, "14-04172");
        kiosk.Faults.UnplugCamera();

        var run = await kiosk.RunAsync(new SelfTestSettings { Only = new HashSet<string> { SelfTestCheckIds.Camera, SelfTestCheckIds.Microphone } });

        Assert.False(run.Report.Passed);
        Assert.True(run.SentToHub, run.SendProblem);
        var failed = await hub.Admin.GetFromJsonAsync<List<SelfTestView>>("/api/selftest?failed=true", SelfTestJson.Options);
        var row = Assert.Single(failed!);
        Assert.Equal("14-04172", row.KioskId);
        Assert.Equal([SelfTestCheckIds.Camera], row.FailedChecks);
        Assert.Null(row.Report);
        var one = await hub.Admin.GetFromJsonAsync<SelfTestView>(SelfTestProtocol.OperatorPath("14-04172"), SelfTestJson.Options);
        Assert.Contains("đứng yên", one!.Report!.Checks.Single(c => c.Id == SelfTestCheckIds.Camera).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kiosk_API_takes_only_the_kiosk_itself()
    {
        await using var hub = await SelfTestHub.StartAsync();
        using var kiosk = hub.Client("14-04173", hub.KioskPassword("14-04173"));
        using var wrong = hub.Client("14-04173", "not-the-password");
        var report = new SelfTestReport("14-04174", "0.1.0", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, true,
            [new SelfTestCheckResult(SelfTestCheckIds.Camera, "Camera", "Camera", SelfTestStatus.Pass, "ok", "ok", "", "", new Dictionary<string, string>(), 1)]);

        using var otherKiosk = await kiosk.PostAsJsonAsync(SelfTestProtocol.ReportPath, report, SelfTestJson.Options);
        using var badPassword = await wrong.GetAsync(SelfTestProtocol.PingPath);
        using var anonymous = await new HttpClient().GetAsync(new Uri(hub.BaseAddress, SelfTestProtocol.PingPath));
        using var lying = await kiosk.PostAsJsonAsync(SelfTestProtocol.ReportPath, report with { KioskId = "14-04173", Passed = false }, SelfTestJson.Options);
        using var none = await hub.Admin.GetAsync(SelfTestProtocol.OperatorPath("14-04173"));
        using var ping = await kiosk.GetAsync(SelfTestProtocol.PingPath);
        using var tooBig = await kiosk.GetAsync(SelfTestProtocol.DownloadPath + "?bytes=" + (SelfTestProtocol.MaxTransferBytes + 1));

        Assert.Equal(HttpStatusCode.Forbidden, otherKiosk.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, lying.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.True(ping.Headers.Date is not null);
        using var body = JsonDocument.Parse(await ping.Content.ReadAsStringAsync());
        Assert.InRange(body.RootElement.GetProperty("serverUnixMs").GetInt64() - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), -5000, 5000);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
    }
}
