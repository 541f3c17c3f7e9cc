using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using TiepCongDan.Contracts.Media;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>
/// An archived session plays back in Debian's headless Chromium: a real tcd-hub, a session uploaded
/// through the kiosk API (real H.264/AAC TS segments), sealed by the hub, then played from the sessions
/// page as the verified MP4 export in a &lt;video&gt; element.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class SessionPlayback_Tests
{
    private const string Kiosk = "48-20196";
    private const int SegmentCount = 3;

    [Fact]
    public async Task Sealed_session_plays_in_headless_chromium_from_the_sessions_page()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = cts.Token;
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        using var temp = new TempDirectory("playback");
        var segments = await MakeSegmentsAsync(temp.Path, ct);
        var session = await UploadAsync(hub, segments, ct);
        await Poll.UntilAsync(
            async c =>
            {
                using var detail = await hub.Http.GetFromJsonAsync<JsonDocument>($"api/sessions/{session}", c);
                return detail!.RootElement.GetProperty("session").GetProperty("manifestVersion").GetInt32() > 0;
            },
            TimeSpan.FromSeconds(30), $"session {session} to be sealed", hub.Describe, cancellationToken: ct);

        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = chromium.Context.Pages.Count > 0 ? chromium.Context.Pages[0] : await chromium.Context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var console = new StringBuilder();
        page.Console += (_, message) => console.AppendLine(message.Type + ": " + message.Text);

        await page.GotoAsync(new Uri(hub.BaseAddress, "sessions.html").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByLabel("Tên đăng nhập").FillAsync(HubProcess.AdminUser);
        await page.GetByLabel("Mật khẩu").FillAsync(hub.AdminPassword);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(hub.BaseAddress.ToString());
        await page.GotoAsync(new Uri(hub.BaseAddress, "sessions.html").ToString());

        var row = page.Locator($"tr[data-session-id=\"{session}\"]");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("td.archive")).ToContainTextAsync("Đã niêm phong");
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Kiểm tra toàn vẹn" }).ClickAsync();
        await Assertions.Expect(row.Locator("td.verify")).ToHaveTextAsync("Nguyên vẹn");

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Xem lại" }).ClickAsync();
        try
        {
            await page.WaitForFunctionAsync(
                "() => { const v = document.getElementById('video'); return v && v.currentTime > 1 && v.videoWidth > 0; }",
                null, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            var state = await page.EvaluateAsync<string>(
                "() => { const v = document.getElementById('video'); return JSON.stringify({ src: v.currentSrc, t: v.currentTime, w: v.videoWidth, rs: v.readyState, ns: v.networkState, err: v.error && { code: v.error.code, msg: v.error.message }, paused: v.paused, h264: v.canPlayType('video/mp4; codecs=\"avc1.42E01E, mp4a.40.2\"') }); }");
            Assert.Fail($"The <video> did not play past 1 s: {state}\nconsole:\n{console}\n{hub.Describe()}");
        }

        var width = await page.EvaluateAsync<int>("() => document.getElementById('video').videoWidth");
        Assert.Equal(640, width);

        // The admin records the case on the page; the hub re-signs the manifest and the archive stays intact.
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Sửa thông tin" }).ClickAsync();
        await page.Locator("#metadata textarea[name=officials]").FillAsync("Nguyễn Văn An — chủ trì\nTrần Thị Bình — Thanh tra tỉnh");
        await page.Locator("#metadata select[name=caseKind]").SelectOptionAsync("complaint");
        await page.Locator("#metadata input[name=citizenRef]").FillAsync("2026/TCD-0412");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lưu và ký lại biên bản" }).ClickAsync();
        await Assertions.Expect(page.Locator("#editor-status")).ToContainTextAsync("Đã lưu");
        await Assertions.Expect(row.Locator("td.case")).ToHaveTextAsync("Khiếu nại");
        await Assertions.Expect(row.Locator("td.officials")).ToContainTextAsync("Trần Thị Bình (Thanh tra tỉnh)");
        using (var verify = await hub.Http.GetFromJsonAsync<JsonDocument>($"api/sessions/{session}/verify", ct))
        {
            Assert.True(verify!.RootElement.GetProperty("intact").GetBoolean());
            Assert.Equal(2, verify.RootElement.GetProperty("manifestVersion").GetInt32());
        }
        var screenshot = Path.Combine(AppContext.BaseDirectory, "session-playback.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 0, "the screenshot is empty");
    }

    /// <summary>Three 2 s MPEG-TS segments of one H.264 + AAC encode, as the kiosk cuts them.</summary>
    private static async Task<IReadOnlyList<byte[]>> MakeSegmentsAsync(string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "-hide_banner", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "6",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
            "-f", "segment", "-segment_time", "2", "-segment_format", "mpegts", Path.Combine(directory, "%06d.ts"),
        })
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("ffmpeg is missing: install Debian's ffmpeg package (apt-get install ffmpeg).", ex);
        }

        using (process)
        {
            var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            Assert.True(process.ExitCode == 0, "ffmpeg failed: " + errors);
        }

        var files = Directory.GetFiles(directory, "*.ts").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(SegmentCount, files.Count);
        return [.. files.Select(File.ReadAllBytes)];
    }

    /// <summary>The kiosk's side of the upload protocol, by hand: declare, PATCH each segment whole, declare the end.</summary>
    private static async Task<string> UploadAsync(HubProcess hub, IReadOnlyList<byte[]> segments, CancellationToken cancellationToken)
    {
        using var kiosk = hub.CreateClient(withCredentials: false);
        kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Kiosk}:{hub.Secret.PasswordFor(Kiosk)}")));
        var startedAt = DateTimeOffset.UtcNow.AddSeconds(-10);
        var session = MediaSessionId.New(Kiosk, startedAt);
        using (var declared = await kiosk.PutAsJsonAsync(SegmentUploadProtocol.Session(session),
                   new SessionDeclaration(Kiosk, startedAt.ToUnixTimeMilliseconds(), null, null), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        }

        for (var i = 0; i < segments.Count; i++)
        {
            using var content = new ByteArrayContent(segments[i]);
            content.Headers.ContentType = new MediaTypeHeaderValue(SegmentUploadProtocol.ContentType);
            using var request = new HttpRequestMessage(HttpMethod.Patch, SegmentUploadProtocol.Segment(session, i)) { Content = content };
            request.Headers.Add(SegmentUploadProtocol.UploadOffsetHeader, "0");
            request.Headers.Add(SegmentUploadProtocol.UploadLengthHeader, segments[i].Length.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(SegmentUploadProtocol.Sha256Header, Convert.ToHexStringLower(SHA256.HashData(segments[i])));
            request.Headers.Add(SegmentUploadProtocol.StartPtsHeader, (126_000 + (i * 180_000)).ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(SegmentUploadProtocol.DurationMsHeader, "2000");
            using var response = await kiosk.SendAsync(request, cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"segment {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        using (var ended = await kiosk.PutAsJsonAsync(SegmentUploadProtocol.Session(session),
                   new SessionDeclaration(Kiosk, startedAt.ToUnixTimeMilliseconds(), startedAt.AddSeconds(6).ToUnixTimeMilliseconds(), segments.Count), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        }

        return session;
    }
}
