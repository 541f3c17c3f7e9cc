using TiepCongDan.Contracts.Reception;

namespace TiepCongDan.Edge.Tests.Reception.Journal;

/// <summary>Made-up reception events and a made-up citizen for the journal tests.</summary>
internal static class ReceptionEvents
{
    public const string KioskId = "14-04171";
    public const string CitizenName = "Nguyễn Thị Hoa Ban";
    public const string CitizenIdNumber = "001204012345";

    public static ReceptionCitizen Citizen { get; } = new(CitizenIdNumber, CitizenName, "1958-03-14", "Nữ", "Thôn Bản Phủ, xã Thanh Minh, tỉnh Điện Biên", "simulated", "simulated");

    public static string Session(int n) => $"20261123T0{n % 10}0000Z-{KioskId}-{n:x4}";

    /// <summary>The event with <paramref name="seq"/> of a session, entering <paramref name="to"/>; seq 2 carries the citizen.</summary>
    public static ReceptionEvent At(string sessionId, int seq, string to = "Identified", bool citizen = true) =>
        new(sessionId, seq, KioskId, 1_795_000_000_000 + seq, seq == 1 ? "Idle" : "CitizenPresent", to, ReceptionTriggers.Identified,
            Citizen: citizen && seq == 2 ? Citizen : null, Staff: "Cán bộ Lò Văn Tâm");

    /// <summary>A whole session of <paramref name="count"/> events; the last returns to Idle when <paramref name="closed"/>.</summary>
    public static IEnumerable<ReceptionEvent> Whole(string sessionId, int count, bool closed = true) =>
        Enumerable.Range(1, count).Select(seq => At(sessionId, seq, closed && seq == count ? "Idle" : "Live"));
}
