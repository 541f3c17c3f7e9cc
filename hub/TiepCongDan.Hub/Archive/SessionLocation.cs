namespace TiepCongDan.Hub.Archive;

/// <summary>Names one session's folder in the archive: {kiosk}/{session}.</summary>
public sealed record SessionLocation(string KioskId, string SessionId)
{
    public override string ToString() => KioskId + "/" + SessionId;
}
