using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace TiepCongDan.EndToEnd.Tests.Reception;

/// <summary>
/// Every frame Chromium paints of the kiosk page (the DevTools screencast), with its paint time.
/// Some states last less than a screenshot takes (Connecting is a few hundred milliseconds on
/// loopback); their picture is the last frame painted while the page was in them.
/// </summary>
internal sealed class KioskPageFilm : IAsyncDisposable
{
    private readonly ICDPSession _session;
    private readonly ConcurrentQueue<(double AtMs, byte[] Png)> _frames = new();

    private KioskPageFilm(ICDPSession session)
    {
        _session = session;
    }

    public int Count => _frames.Count;

    public static async Task<KioskPageFilm> StartAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        var film = new KioskPageFilm(session);
        session.Event("Page.screencastFrame").OnEvent += film.OnFrame;
        await session.SendAsync("Page.startScreencast", new Dictionary<string, object> { ["format"] = "png", ["everyNthFrame"] = 1 });
        return film;
    }

    /// <summary>The last frame painted at or after <paramref name="fromMs"/> and before <paramref name="toMs"/> (Unix ms), or null.</summary>
    public byte[]? LastFrameBetween(double fromMs, double toMs) =>
        _frames.Where(f => f.AtMs >= fromMs && f.AtMs < toMs).Select(f => f.Png).LastOrDefault();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.SendAsync("Page.stopScreencast");
            await _session.DetachAsync();
        }
        catch (PlaywrightException)
        {
            // The browser is already closing.
        }
    }

    private void OnFrame(object? sender, JsonElement? message)
    {
        if (message is not { } frame)
        {
            return;
        }

        var metadata = frame.GetProperty("metadata");
        var at = metadata.TryGetProperty("timestamp", out var swap) ? swap.GetDouble() * 1000 : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _frames.Enqueue((at, Convert.FromBase64String(frame.GetProperty("data").GetString()!)));
        // Chromium sends the next frame only after this one is acknowledged.
        var ack = _session.SendAsync("Page.screencastFrameAck", new Dictionary<string, object> { ["sessionId"] = frame.GetProperty("sessionId").GetInt32() });
        _ = ack.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
