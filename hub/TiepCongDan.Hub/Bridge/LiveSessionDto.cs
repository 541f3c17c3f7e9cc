using TiepCongDan.Hub.Ingest;

namespace TiepCongDan.Hub.Bridge;

/// <summary>One entry of GET /api/live: the session as the ingest sees it, and where the bridge sends it.</summary>
public sealed record LiveSessionDto(
    string SessionId,
    string KioskId,
    string Province,
    DateTimeOffset StartedAt,
    LiveLinkStats? Link,
    IReadOnlyList<LivePointDto> Points,
    IReadOnlyList<ReturnStatus> Officials,
    IReadOnlyList<LivePointDto> KioskReturn,
    bool Composing,
    double ComposeCpuSeconds)
{
    public static LiveSessionDto From(LiveSessionInfo info, SessionBridge? bridge, IReadOnlyList<ReceptionPoint> points)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(points);
        var outputs = bridge?.Outputs ?? [];
        return new LiveSessionDto(info.SessionId, info.KioskId, info.Province, info.StartedAt, info.Link,
            [.. outputs.Select(o => LivePointDto.From(o, points.FirstOrDefault(p => p.Id == o.Receiver)?.Name))],
            bridge?.Return.Publishers ?? [],
            [.. (bridge?.Return.KioskOutputs ?? []).Select(o => LivePointDto.From(o, null))],
            bridge?.Return.IsComposing ?? false,
            bridge?.Return.ComposeCpuTime.TotalSeconds ?? 0);
    }
}
