namespace TiepCongDan.Hub.Bridge;

/// <summary>Where officials' data goes right now: each publisher's composer input, or straight to the kiosk when <see cref="Composer"/> is null. Swapped whole.</summary>
internal sealed record ReturnRouting(IReadOnlyDictionary<ReturnPublisher, int> Index, ReturnComposer? Composer);
