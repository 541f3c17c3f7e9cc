namespace TiepCongDan.Contracts.Fleet;

/// <summary>The wire form of <see cref="DeviceStatus"/> ("present", "absent", "faulty").</summary>
public static class DeviceStatusText
{
    public static string ToWire(this DeviceStatus status) => status switch
    {
        DeviceStatus.Present => "present",
        DeviceStatus.Absent => "absent",
        DeviceStatus.Faulty => "faulty",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? text, out DeviceStatus status)
    {
        switch (text)
        {
            case "present": status = DeviceStatus.Present; return true;
            case "absent": status = DeviceStatus.Absent; return true;
            case "faulty": status = DeviceStatus.Faulty; return true;
            default: status = default; return false;
        }
    }
}
