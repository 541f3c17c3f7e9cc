namespace TiepCongDan.Hub.Ingest;

/// <summary>One kiosk session the bus knows, connected or waiting for its kiosk to reconnect. Mutated under the bus's lock.</summary>
internal sealed class LiveSession
{
    public LiveSession(LiveSessionInfo info, LiveSubscriberList subscribers)
    {
        Info = info;
        Subscribers = subscribers;
    }

    public string SessionId => Info.SessionId;

    public string KioskId => Info.KioskId;

    /// <summary>Replaced whole (records are immutable) when the link is measured; read without the lock.</summary>
    public LiveSessionInfo Info { get; set; }

    public LiveSubscriberList Subscribers { get; }

    /// <summary>Counts the connections this session has had; the latest one owns it.</summary>
    public int Generation { get; set; }

    /// <summary>When the latest connection ended (TimeProvider timestamp); null while connected.</summary>
    public long? DisconnectedAt { get; set; }
}
