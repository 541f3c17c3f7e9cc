using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Simulation;

/// <summary>
/// Made-up citizens for demos and training (docs/simulation.md lists their QR and MRZ). Their IDs
/// follow the CCCD pattern (province, century and sex digit, year) but no real person holds them;
/// every address says "Mô Phỏng" (simulated). Between them they cover a card that expires at 25, at
/// 60, and one that never expires.
/// </summary>
public static class SimulatedCitizens
{
    private const string Village = "Thôn Mô Phỏng, Xã Mô Phỏng, Tỉnh Mô Phỏng";

    public static SimulatedCitizen An { get; } = Make("an", "001090012345", "Nguyễn Văn An", new DateOnly(1990, 3, 14), "Nam", new DateOnly(2021, 6, 10));

    /// <summary>Issued at 62: the card never expires.</summary>
    public static SimulatedCitizen Binh { get; } = Make("binh", "079158004321", "Trần Thị Bình", new DateOnly(1958, 11, 2), "Nữ", new DateOnly(2021, 4, 20));

    public static SimulatedCitizen Cuong { get; } = Make("cuong", "048205006789", "Lê Minh Cường", new DateOnly(2005, 7, 21), "Nam", new DateOnly(2023, 8, 1));

    public static SimulatedCitizen Dung { get; } = Make("dung", "036172009876", "Phạm Thị Dung", new DateOnly(1972, 1, 30), "Nữ", new DateOnly(2021, 3, 15));

    public static IReadOnlyList<SimulatedCitizen> All { get; } = [An, Binh, Cuong, Dung];

    /// <summary>A built-in citizen by short name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such citizen; the message lists the names there are.</exception>
    public static SimulatedCitizen ByKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return All.FirstOrDefault(c => string.Equals(c.Key, key.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"không có công dân mô phỏng '{key}' (no built-in citizen '{key}'): dùng {string.Join(", ", All.Select(c => c.Key))}", nameof(key));
    }

    private static SimulatedCitizen Make(string key, string id, string name, DateOnly birth, string sex, DateOnly issue) => new(key, new SimulatedCard
    {
        IdNumber = id,
        FullName = name,
        DateOfBirth = birth,
        Sex = sex,
        PlaceOfOrigin = Village,
        PlaceOfResidence = Village,
        DateOfIssue = issue,
        DateOfExpiry = CccdQr.ExpiryCandidatesFor(birth, issue)[0],
    });
}
