using System.Net;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Media.Live;

namespace TiepCongDan.Edge.Screen;

/// <summary>
/// The kiosk page's two live videos (decision 0018): GET /media/officials.mp4?session=ID (the
/// officials' picture and voice from the hub's bridge) and GET /media/self.mp4?session=ID (the
/// citizen's own picture, silent). Each request remuxes the session's TS to fragmented MP4 with a
/// Debian ffmpeg child (<see cref="FragmentedMp4Remux"/>: video copied, never re-encoded) until the
/// session ends or the browser goes. A session that is not the one streaming gets 404, and the page
/// asks again.
/// </summary>
internal sealed class LiveVideoEndpoint(KioskLiveMedia media, string ffmpegPath, ILogger logger)
{
    public const string OfficialsPath = "/media/officials.mp4";
    public const string SelfViewPath = "/media/self.mp4";

    /// <summary>The page's address of the officials' video for <paramref name="sessionId"/>.</summary>
    public static Uri OfficialsUrl(string sessionId) => new($"{OfficialsPath}?session={Uri.EscapeDataString(sessionId)}", UriKind.Relative);

    /// <summary>The page's address of the self-view for <paramref name="sessionId"/>.</summary>
    public static Uri SelfViewUrl(string sessionId) => new($"{SelfViewPath}?session={Uri.EscapeDataString(sessionId)}", UriKind.Relative);

    public async Task ServeAsync(HttpListenerRequest request, HttpListenerResponse response, bool officials, CancellationToken stopping)
    {
        var name = officials ? "officials" : "self-view";
        var feed = officials ? media.Officials : media.SelfView;
        var session = request.QueryString["session"];
        if (string.IsNullOrEmpty(session) || feed.SessionId != session)
        {
            await NotLiveAsync(response, stopping);
            return;
        }

        FragmentedMp4Remux remux;
        try
        {
            // The officials' stream has no kiosk segment markers; the self-view starts at one (a keyframe).
            remux = new FragmentedMp4Remux(ffmpegPath, withAudio: officials, joinAtMarker: !officials);
        }
        catch (InvalidOperationException e)
        {
            OfficialsReturnLog.WatchFailed(logger, name, e.Message);
            response.StatusCode = 503;
            return;
        }

        await using (remux)
        {
            using var subscription = feed.Subscribe(session, remux.Feed, remux.Complete);
            if (subscription is null)
            {
                await NotLiveAsync(response, stopping);
                return;
            }

            OfficialsReturnLog.WatchOpened(logger, name, session);
            response.StatusCode = 200;
            response.ContentType = "video/mp4";
            response.SendChunked = true;
            response.AddHeader("Cache-Control", "no-store");
            await remux.Output.CopyToAsync(response.OutputStream, 64 * 1024, stopping);
        }
    }

    private static Task NotLiveAsync(HttpListenerResponse response, CancellationToken stopping) =>
        KioskScreenServer.WriteTextAsync(response, 404, "text/plain; charset=utf-8", "Phiên này không còn trực tiếp.", stopping);
}
