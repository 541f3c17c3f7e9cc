namespace TiepCongDan.Hub.Media;

/// <summary>A PATCH's result and the offset the hub now holds (the confirmed length once complete).</summary>
public sealed record PatchOutcome(PatchResult Result, long Offset);
