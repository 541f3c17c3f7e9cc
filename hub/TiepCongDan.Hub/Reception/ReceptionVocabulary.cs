using TiepCongDan.Contracts.Reception;

namespace TiepCongDan.Hub.Reception;

/// <summary>
/// The state and trigger names a kiosk may send. The states mirror the edge's ReceptionState enum by
/// name; the hub does not reference the edge, so the list is kept here and checked by the tests.
/// </summary>
public static class ReceptionVocabulary
{
    public const string Idle = "Idle";

    public const string Live = "Live";

    public static IReadOnlySet<string> States { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Idle, "CitizenPresent", "Identified", "Connecting", Live, "Ending", "Rating", "Error",
    };

    public static IReadOnlySet<string> Triggers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ReceptionTriggers.CardPresented, ReceptionTriggers.QrPresented, ReceptionTriggers.CardRemoved, ReceptionTriggers.StaffPress,
        ReceptionTriggers.StaffLongPress, ReceptionTriggers.Identified, ReceptionTriggers.IdentificationFailed, ReceptionTriggers.CaseKindChosen,
        ReceptionTriggers.Connected, ReceptionTriggers.ConnectionFailed, ReceptionTriggers.RemoteEnd, ReceptionTriggers.Ended,
        ReceptionTriggers.Rated, ReceptionTriggers.Timeout, ReceptionTriggers.Interrupted,
    };

    /// <summary>What a person reads for a state in the register (Vietnamese).</summary>
    public static string StateName(string state) => state switch
    {
        Idle => "Đã kết thúc",
        "CitizenPresent" => "Công dân đã đến",
        "Identified" => "Đã xác định công dân",
        "Connecting" => "Đang kết nối",
        Live => "Đang tiếp",
        "Ending" => "Đang kết thúc",
        "Rating" => "Đang đánh giá",
        "Error" => "Lỗi",
        _ => state,
    };
}
