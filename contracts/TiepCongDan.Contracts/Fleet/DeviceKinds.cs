namespace TiepCongDan.Contracts.Fleet;

/// <summary>The peripherals of a kiosk; each is a Sparkplug device id under the kiosk's node.</summary>
public static class DeviceKinds
{
    public const string Camera = "camera";
    public const string Microphone = "microphone";
    public const string Speaker = "speaker";
    public const string Display = "display";
    public const string CardReader = "card-reader";
    public const string ButtonPanel = "button-panel";

    public static IReadOnlyList<string> All { get; } = [Camera, Microphone, Speaker, Display, CardReader, ButtonPanel];
}
