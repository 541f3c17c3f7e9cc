namespace TiepCongDan.Edge.Media.Live;

/// <summary>
/// What the kiosk page shows live during a session: the officials' picture and voice, pulled from
/// the hub's bridge (<see cref="OfficialsReturnReceiver"/>), and the citizen's self-view, the
/// kiosk's own encoded picture as it goes to the hub (no second encode). <see cref="Session.MediaService"/>
/// feeds both; the page server reads them.
/// </summary>
public sealed class KioskLiveMedia
{
    public LiveTsFeed Officials { get; } = new();

    public LiveTsFeed SelfView { get; } = new();
}
