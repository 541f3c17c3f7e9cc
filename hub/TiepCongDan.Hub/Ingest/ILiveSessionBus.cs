namespace TiepCongDan.Hub.Ingest;

/// <summary>
/// The kiosk sessions arriving live over SRT and whoever is fed from them (bridge outputs to the
/// reception points, the live recorder, the line test, the browser preview). Thread-safe.
/// Subscribers are called on the ingest's receive thread with whole TS packets, exactly as the
/// kiosk sent them (segment markers included): they must copy and return at once, never block.
/// </summary>
public interface ILiveSessionBus
{
    IReadOnlyList<LiveSessionInfo> Sessions { get; }

    /// <summary>Feeds <paramref name="onPackets"/> from now on (also across a kiosk's reconnects) until disposed.</summary>
    IDisposable Subscribe(string sessionId, Action<ReadOnlySpan<byte>> onPackets);

    event Action<LiveSessionInfo>? SessionStarted;

    event Action<LiveSessionInfo>? SessionEnded;
}
