namespace TiepCongDan.Contracts.SelfTest;

/// <summary>
/// The stable ids of the self-test's checks (in the order they run) and their names, as the
/// technician's console, the kiosk screen and the operators' console show them.
/// </summary>
public static class SelfTestCheckIds
{
    public const string Camera = "camera";
    public const string Microphone = "microphone";
    public const string Display = "display";
    public const string CardReader = "card-reader";
    public const string Buttons = "buttons";
    public const string HubLink = "hub-link";
    public const string Clock = "clock";
    public const string SrtStream = "srt-stream";

    public static IReadOnlyList<string> All { get; } = [Camera, Microphone, Display, CardReader, Buttons, HubLink, Clock, SrtStream];

    public static bool IsKnown(string? id) => id is not null && All.Contains(id, StringComparer.Ordinal);

    /// <summary>The part's name in Vietnamese.</summary>
    public static string Vietnamese(string id) => id switch
    {
        Camera => "Camera",
        Microphone => "Micro và loa",
        Display => "Màn hình",
        CardReader => "Đầu đọc thẻ CCCD",
        Buttons => "Nút bấm",
        Clock => "Đồng hồ hệ thống",
        HubLink => "Kết nối tới trung tâm",
        SrtStream => "Luồng hình thử (SRT)",
        _ => id,
    };

    /// <summary>The part's name in English (--en).</summary>
    public static string English(string id) => id switch
    {
        Camera => "Camera",
        Microphone => "Microphone and speaker",
        Display => "Display",
        CardReader => "ID card reader",
        Buttons => "Buttons",
        Clock => "System clock",
        HubLink => "Link to the hub",
        SrtStream => "Test stream (SRT)",
        _ => id,
    };
}
