using Microsoft.Playwright;
using TiepCongDan.Edge.Controls;
using TiepCongDan.EndToEnd.Tests.Fixtures;
using TiepCongDan.Hub.Tests.Bridge;
using TiepCongDan.Srt;

namespace TiepCongDan.EndToEnd.Tests.Reception;

/// <summary>
/// What the citizen sees while talking to the officials, through every real part: tcd-hub with its
/// bridge listener, a reception point (an official's test picture and tone, H.264 and AAC, sent
/// over SRT as a point publishes), tcd-edge fetching the officials' stream back from the bridge
/// with its own passphrase, and the kiosk page in Chromium playing it large with the citizen's own
/// picture small in the corner. Nothing is mocked between the official and the browser.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class ReceptionLiveVideo_Tests(ITestOutputHelper output)
{
    private const string Point = "trung-uong";
    private const string PointPassphrase = "diem-cau-trung-uong-2026";

    private static readonly HubStartOptions HubWithPoint = new()
    {
        ExtraArguments =
        [
            $"--Hub:Media:Points:0:Id={Point}",
            "--Hub:Media:Points:0:Name=Trụ sở Tiếp công dân Trung ương",
            "--Hub:Media:Points:0:Provinces:0=*",
            "--Hub:Media:Points:0:Mode=listener",
            $"--Hub:Media:Points:0:Passphrase={PointPassphrase}",
        ],
    };

    [Fact]
    public async Task In_a_live_session_the_page_plays_the_officials_video_large_and_the_citizens_self_view_small_both_through_the_real_hub_bridge()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        var ct = cts.Token;
        await using var rig = await ReceptionRig.StartAsync("14-06107", withCardReader: false, ct, hubOptions: HubWithPoint);
        var sim = rig.Sim;
        await using var chromium = await ChromiumSession.LaunchAsync();
        await using var page = await KioskPageRecorder.OpenAsync(chromium, rig.Kiosk.ScreenAddress, "live-video", output);

        // Staff starts and vouches for the citizen; the citizen's first button calls the officials.
        await sim.ClickAsync(ButtonRole.Staff, ct);
        var session = (await sim.WaitForStateAsync("CitizenPresent", TimeSpan.FromSeconds(20), ct)).SessionId!;
        await sim.ClickAsync(ButtonRole.Staff, ct);
        await sim.WaitForStateAsync("Identified", TimeSpan.FromSeconds(20), ct);
        await sim.ClickAsync(ButtonRole.VerySatisfied, ct);
        await sim.WaitForStateAsync("Live", TimeSpan.FromSeconds(45), ct);
        await page.WaitForStateAsync("Live");

        // Before any official has joined: the citizen sees that the picture is coming, and already sees themself.
        await Assertions.Expect(page.Page.Locator("#officials-placeholder")).ToHaveTextAsync("Đang kết nối hình ảnh...");
        await Assertions.Expect(page.Page.Locator("#officials-placeholder")).ToBeVisibleAsync();
        var self = await WaitPlayingAsync(page, "self-video", "the citizen's self-view");
        Assert.True(self.Width > 0 && self.Muted, $"the self-view must show the kiosk's own picture, silent (the speaker is next to the microphone): {self}");

        // An official joins at the central reception point and sends picture and voice into the session.
        using var connection = SrtConnection.Connect(new SrtCallerOptions
        {
            Host = "127.0.0.1",
            Port = rig.Hub.BridgePort,
            StreamId = $"#!::r=session/{session},m=publish,u={Point}",
            Passphrase = PointPassphrase,
            ConnectTimeoutMs = 5000,
        });
        using var official = new FfmpegOfficial(connection, "testsrc2", 440);
        var officials = await WaitPlayingAsync(page, "officials-video", "the officials' video");
        output.WriteLine($"officials: {officials}; self-view: {self}; official sent {official.BytesSent} bytes");
        Assert.Equal((320, 180), (officials.Width, officials.Height));
        Assert.False(officials.Muted, "the officials' voice must be heard");
        await Assertions.Expect(page.Page.Locator("#officials-placeholder")).ToBeHiddenAsync();

        // The officials' picture fills the screen; the self-view is small, in the corner, on top.
        var big = await page.Page.Locator(".video.officials").BoundingBoxAsync();
        var small = await page.Page.Locator(".video.self").BoundingBoxAsync();
        Assert.True(big is not null && small is not null, "both video areas must be on screen");
        Assert.True(big!.Width * big.Height > 6 * small!.Width * small.Height,
            $"the officials' video ({big.Width}x{big.Height}) must be much larger than the self-view ({small.Width}x{small.Height})");
        Assert.True(small.X > big.X + (big.Width / 2) && small.Y > big.Y + (big.Height / 2), "the self-view sits in the bottom-right corner");

        // Live, not a still: the officials' playback keeps moving.
        var later = await WaitPlayingAsync(page, "officials-video", "the officials' video, a moment later", officials.Time + 1.5);
        Assert.True(later.Time > officials.Time, $"the officials' video stood still: {officials.Time} then {later.Time}");
        await page.ScreenshotAsync("Live");

        // Staff ends the session: the videos go, and the kiosk stops fetching (the hub's return output closes).
        await sim.HoldAsync(ButtonRole.Staff, 3500, ct);
        await sim.WaitForAsync(s => s.State is "Ending" or "Rating", TimeSpan.FromSeconds(20), "the session ending", ct);
        await Assertions.Expect(page.Page.Locator("#live")).ToBeHiddenAsync();
        Assert.Null(await page.Page.Locator("#officials-video").GetAttributeAsync("src"));
        await sim.WaitForStateAsync("Rating", TimeSpan.FromSeconds(30), ct);
        await sim.ClickAsync(ButtonRole.Satisfied, ct);
        await sim.WaitForStateAsync("Idle", TimeSpan.FromSeconds(20), ct);
    }

    /// <summary>Waits until the page's video plays a decoded picture (past <paramref name="minTime"/> seconds) and reads it.</summary>
    private static async Task<VideoReading> WaitPlayingAsync(KioskPageRecorder page, string id, string what, double minTime = 0.2)
    {
        const string read = "([id, minTime]) => { const v = document.getElementById(id); return v && v.dataset.playing === 'true' && v.videoWidth > 0 && v.currentTime > minTime; }";
        try
        {
            await page.Page.WaitForFunctionAsync(read, new object[] { id, minTime }, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });
        }
        catch (TimeoutException e)
        {
            var state = await page.Page.EvaluateAsync<string>("(id) => { const v = document.getElementById(id); return JSON.stringify({ src: v.getAttribute('src'), rs: v.readyState, ns: v.networkState, w: v.videoWidth, t: v.currentTime, playing: v.dataset.playing, attempts: v.dataset.attempts, err: v.error && v.error.message }); }", id);
            throw new TimeoutException($"{what} did not play within 60 s: {state}", e);
        }

        var values = await page.Page.EvaluateAsync<double[]>("(id) => { const v = document.getElementById(id); return [v.videoWidth, v.videoHeight, v.currentTime, v.muted ? 1 : 0]; }", id);
        return new VideoReading((int)values[0], (int)values[1], values[2], values[3] > 0);
    }

    private sealed record VideoReading(int Width, int Height, double Time, bool Muted);
}
