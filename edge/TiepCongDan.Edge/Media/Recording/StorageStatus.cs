namespace TiepCongDan.Edge.Media.Recording;

/// <summary>Free space on the recording partition and the bytes still waiting for the hub's confirmation.</summary>
public sealed record StorageStatus(long FreeBytes, long PendingBytes, StorageLevel Level);
