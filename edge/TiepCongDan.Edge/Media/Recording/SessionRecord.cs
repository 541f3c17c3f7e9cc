namespace TiepCongDan.Edge.Media.Recording;

/// <summary>A session in the kiosk's journal. EndedAtMs and SegmentCount are null while it records.</summary>
public sealed record SessionRecord(
    string SessionId,
    string KioskId,
    long StartedAtMs,
    long? EndedAtMs,
    int? SegmentCount,
    bool EndDeclared);
