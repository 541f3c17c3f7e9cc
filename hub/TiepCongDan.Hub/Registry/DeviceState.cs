namespace TiepCongDan.Hub.Registry;

/// <summary>What the hub last heard of one peripheral ("present", "absent", "faulty", or "offline" after a DDEATH).</summary>
public sealed record DeviceState(string Status, string Reason);
