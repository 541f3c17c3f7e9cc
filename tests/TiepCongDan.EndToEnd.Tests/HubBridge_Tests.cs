using System.Globalization;
using System.Net;
using System.Text.Json;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.EndToEnd.Tests.Fixtures;
using TiepCongDan.Srt.Tests.Relay;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>
/// The hub between communes and reception points, with real processes: tcd-edge kiosks recording
/// with ffmpeg and calling the hub's SRT ingest, the hub bridging every session to two reception
/// points (SRT listeners), the archive completed from the kiosks' local copies. Frame stamps prove
/// "every frame, in order" at each end.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class HubBridge_Tests(ITestOutputHelper output) : IDisposable
{
    private const string PointPassphrase = "reception-point-passphrase";
    private readonly TempDirectory _dir = new("bridge-e2e");

    [Fact]
    public async Task Three_concurrent_kiosks_are_bridged_to_two_points_each_and_every_point_gets_every_frame_in_order()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(170));
        var ct = cts.Token;
        using var province = new ReceptionPointSink(_dir.Combine("province"), PointPassphrase);
        using var central = new ReceptionPointSink(_dir.Combine("central"), PointPassphrase);
        await using var hub = await HubProcess.StartAsync(new HubStartOptions { ExtraArguments = [.. PointArguments(0, "tinh", "14", province.Port), .. PointArguments(1, "trung-uong", "*", central.Port)] }, ct);
        string[] kiosks = ["14-04181", "14-04182", "14-04183"];
        var edges = kiosks.Select(k => EdgeProcess.Start(k, hub, extraArguments: MediaKiosk.Arguments(hub, k, hub.SrtPort))).ToList();
        try
        {
            foreach (var edge in edges)
            {
                await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(60), "online", ct);
            }

            var sessions = new List<string>();
            foreach (var edge in edges)
            {
                sessions.Add(await MediaKiosk.StartSessionAsync(hub, edge, ct));
            }

            await Task.Delay(TimeSpan.FromSeconds(12), ct);
            foreach (var edge in edges)
            {
                await MediaKiosk.StopSessionAsync(hub, edge, ct);
            }

            foreach (var edge in edges)
            {
                await MediaKiosk.WaitUploadedAsync(hub, edge, TimeSpan.FromSeconds(60), ct);
            }

            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            for (var i = 0; i < kiosks.Length; i++)
            {
                var archived = await MediaProbe.FrameNumbersAsync(MediaKiosk.ConcatenateArchive(hub, kiosks[i], sessions[i], _dir.Combine($"archive-{i}.ts")), 640);
                Assert.Equal(0, archived[0]);
                Assert.Null(MediaKiosk.FirstBreak(archived));
                foreach (var (name, point) in new[] { ("province", province), ("central", central) })
                {
                    var received = await MediaProbe.FrameNumbersAsync(point.FileFor(sessions[i]), 640);
                    output.WriteLine($"{kiosks[i]} at {name}: {received.Count} frames {(received.Count > 0 ? $"{received[0]}..{received[^1]}" : "")}; archive 0..{archived[^1]}");
                    Assert.True(received.Count > 100, $"{name} got {received.Count} frames of {kiosks[i]}\n{hub.Describe()}");
                    Assert.Null(MediaKiosk.FirstBreak(received));
                    Assert.InRange(received[^1], archived[^1] - 25, archived[^1]);
                }
            }
        }
        finally
        {
            foreach (var edge in edges)
            {
                await edge.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_30_s_cut_of_the_kiosk_link_leaves_a_complete_archive_after_the_kiosk_uploads()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(170));
        var ct = cts.Token;
        const string kiosk = "14-04184";
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        using var relay = new UdpImpairmentRelay(new IPEndPoint(IPAddress.Loopback, hub.SrtPort), seed: 3);
        await using var edge = EdgeProcess.Start(kiosk, hub, extraArguments: MediaKiosk.Arguments(hub, kiosk, relay.Port));
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online", ct);
        var session = await MediaKiosk.StartSessionAsync(hub, edge, ct);
        await hub.WaitForDeviceAsync(kiosk, d => d.MetricText(MediaMetrics.UplinkState) == "connected", TimeSpan.FromSeconds(20), "SRT connected", edge.Describe, ct);
        await Task.Delay(TimeSpan.FromSeconds(8), ct);

        relay.Cut = true;
        await Task.Delay(TimeSpan.FromSeconds(30), ct);
        relay.Cut = false;
        await hub.WaitForDeviceAsync(kiosk, d => d.MetricText(MediaMetrics.UplinkState) == "connected", TimeSpan.FromSeconds(30), "SRT back", edge.Describe, ct);
        await Task.Delay(TimeSpan.FromSeconds(8), ct);
        await StopAndAssertArchiveCompleteAsync(hub, edge, session, minLastFrame: 25 * 40, ct);
    }

    [Fact]
    public async Task A_hub_restarted_mid_session_gets_the_kiosk_back_and_the_archive_is_still_complete()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(170));
        var ct = cts.Token;
        const string kiosk = "14-04185";
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        await using var edge = EdgeProcess.Start(kiosk, hub, extraArguments: MediaKiosk.Arguments(hub, kiosk, hub.SrtPort));
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online", ct);
        var session = await MediaKiosk.StartSessionAsync(hub, edge, ct);
        await hub.WaitForDeviceAsync(kiosk, d => d.MetricText(MediaMetrics.UplinkState) == "connected", TimeSpan.FromSeconds(20), "SRT connected", edge.Describe, ct);
        await Task.Delay(TimeSpan.FromSeconds(6), ct);

        await hub.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await hub.StartProcessAsync(ct);
        await edge.WaitOnHubAsync(hub, d => d.Online && d.MetricText(MediaMetrics.UplinkState) == "connected", TimeSpan.FromSeconds(60), "back online and streaming", ct);
        await Task.Delay(TimeSpan.FromSeconds(6), ct);
        await StopAndAssertArchiveCompleteAsync(hub, edge, session, minLastFrame: 25 * 12, ct);
    }

    [Fact]
    public async Task A_line_test_reports_what_arrived_and_a_verdict_in_words()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        const string kiosk = "14-04186";
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        await using var edge = EdgeProcess.Start(kiosk, hub, extraArguments: MediaKiosk.Arguments(hub, kiosk, hub.SrtPort));
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online", ct);

        // The test streams for 10 s: longer than the fixture client's default timeout.
        using var http = hub.CreateClient(withCredentials: true);
        http.Timeout = TimeSpan.FromSeconds(60);
        using var response = await http.PostAsync($"api/devices/{kiosk}/line-test", null, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        output.WriteLine(body);
        Assert.True(response.IsSuccessStatusCode, body + "\n" + edge.Describe() + "\n" + hub.Describe());
        using var report = JsonDocument.Parse(body);
        var root = report.RootElement;
        Assert.True(root.GetProperty("framesReceived").GetInt64() >= 150, body);
        Assert.True(root.GetProperty("framesReceived").GetInt64() <= root.GetProperty("framesSent").GetInt64(), body);
        Assert.True(root.GetProperty("bitrateKbps").GetDouble() > 100, body);
        Assert.Equal("good", root.GetProperty("verdict").GetString());
        Assert.StartsWith("Tốt", root.GetProperty("verdictText").GetString(), StringComparison.Ordinal);
        // Nothing of a line test is archived.
        Assert.Empty(Directory.Exists(Path.Combine(hub.DataDirectory, "archive", kiosk)) ? Directory.GetDirectories(Path.Combine(hub.DataDirectory, "archive", kiosk)) : []);
    }

    [Fact]
    public async Task A_live_session_plays_in_headless_Chromium_while_the_kiosk_streams_it()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        const string kiosk = "14-04187";
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        await using var edge = EdgeProcess.Start(kiosk, hub, extraArguments: MediaKiosk.Arguments(hub, kiosk, hub.SrtPort));
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online", ct);
        var session = await MediaKiosk.StartSessionAsync(hub, edge, ct);
        await hub.WaitForDeviceAsync(kiosk, d => d.MetricText(MediaMetrics.UplinkState) == "connected", TimeSpan.FromSeconds(20), "SRT connected", edge.Describe, ct);

        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = chromium.Context.Pages.Count > 0 ? chromium.Context.Pages[0] : await chromium.Context.NewPageAsync();
        // An official signs in on the hub's page, then opens the live page: it feeds the hub's
        // fragmented MP4 to Media Source Extensions.
        await page.GotoAsync(new Uri(hub.BaseAddress, "login").ToString());
        await page.GetByLabel("Tên đăng nhập").FillAsync(HubProcess.AdminUser);
        await page.GetByLabel("Mật khẩu").FillAsync(hub.AdminPassword);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new Microsoft.Playwright.PageGetByRoleOptions { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(hub.BaseAddress.ToString());
        // The live list shows the session with its link numbers; its link opens the player.
        await page.GotoAsync(new Uri(hub.BaseAddress, "live.html").ToString());
        var row = page.Locator($"tr[data-session-id=\"{session}\"]");
        await Microsoft.Playwright.Assertions.Expect(row).ToContainTextAsync(kiosk);
        await row.GetByRole(Microsoft.Playwright.AriaRole.Link, new Microsoft.Playwright.LocatorGetByRoleOptions { Name = "Xem trực tiếp" }).ClickAsync();
        await page.WaitForURLAsync(new Uri(hub.BaseAddress, $"live.html?session={session}").ToString());
        try
        {
            await page.WaitForFunctionAsync("() => { const v = document.querySelector('video'); return v && v.currentTime > 2 && v.videoWidth > 0; }",
                null, new Microsoft.Playwright.PageWaitForFunctionOptions { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            var state = await page.EvaluateAsync<string>("() => { const v = document.querySelector('video'); return v ? JSON.stringify({ t: v.currentTime, w: v.videoWidth, rs: v.readyState, paused: v.paused, ended: v.ended, buf: v.buffered.length ? [v.buffered.start(0), v.buffered.end(v.buffered.length - 1)] : [], err: v.error && v.error.message }) : document.documentElement.outerHTML.slice(0, 300); }");
            Assert.Fail($"the live <video> did not play past 2 s: {state}\n{hub.Describe()}");
        }

        var width = await page.EvaluateAsync<int>("() => document.querySelector('video').videoWidth");
        Assert.Equal(640, width);
        await MediaKiosk.StopSessionAsync(hub, edge, ct);
    }

    /// <summary>Ends the session, waits for the kiosk's upload, and checks the archive holds frames 0..N with no gap or repeat.</summary>
    private async Task StopAndAssertArchiveCompleteAsync(HubProcess hub, EdgeProcess edge, string session, int minLastFrame, CancellationToken ct)
    {
        await MediaKiosk.StopSessionAsync(hub, edge, ct);
        await MediaKiosk.WaitUploadedAsync(hub, edge, TimeSpan.FromSeconds(90), ct);
        var archived = await MediaProbe.FrameNumbersAsync(MediaKiosk.ConcatenateArchive(hub, edge.KioskId, session, _dir.Combine("archive.ts")), 640);
        output.WriteLine($"archive: {archived.Count} frames 0..{archived[^1]}; {await SourcesAsync(hub, session)}");
        Assert.Equal(0, archived[0]);
        Assert.Null(MediaKiosk.FirstBreak(archived));
        Assert.True(archived[^1] >= minLastFrame, $"the archive ends at frame {archived[^1]}, expected at least {minLastFrame}");
    }

    private static string[] PointArguments(int index, string id, string province, int port) =>
    [
        string.Create(CultureInfo.InvariantCulture, $"--Hub:Media:Points:{index}:Id={id}"),
        string.Create(CultureInfo.InvariantCulture, $"--Hub:Media:Points:{index}:Name=Điểm {id}"),
        string.Create(CultureInfo.InvariantCulture, $"--Hub:Media:Points:{index}:Provinces:0={province}"),
        string.Create(CultureInfo.InvariantCulture, $"--Hub:Media:Points:{index}:Mode=caller"),
        string.Create(CultureInfo.InvariantCulture, $"--Hub:Media:Points:{index}:Host=127.0.0.1"),
        string.Create(CultureInfo.InvariantCulture, $"--Hub:Media:Points:{index}:Port={port}"),
        string.Create(CultureInfo.InvariantCulture, $"--Hub:Media:Points:{index}:Passphrase={PointPassphrase}"),
        string.Create(CultureInfo.InvariantCulture, $"--Hub:Media:Points:{index}:LatencyMs=120"),
    ];

    /// <summary>How the archive got the session's segments (live vs upload), from the hub's API, for the log.</summary>
    private static async Task<string> SourcesAsync(HubProcess hub, string session)
    {
        try
        {
            using var doc = JsonDocument.Parse(await hub.Http.GetStringAsync($"api/sessions/{session}"));
            return doc.RootElement.GetRawText().Length > 400 ? doc.RootElement.GetRawText()[..400] + "…" : doc.RootElement.GetRawText();
        }
        catch (HttpRequestException ex)
        {
            return "sources unavailable: " + ex.Message;
        }
    }

    public void Dispose() => _dir.Dispose();
}
