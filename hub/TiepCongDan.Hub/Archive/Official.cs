namespace TiepCongDan.Hub.Archive;

/// <summary>An official taking part in a session: a name and what they did (e.g. "Chủ tịch UBND xã", "chủ trì").</summary>
public sealed record Official(string Name, string Role);
