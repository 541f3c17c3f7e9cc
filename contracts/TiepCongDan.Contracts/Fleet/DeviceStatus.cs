namespace TiepCongDan.Contracts.Fleet;

/// <summary>What a kiosk knows of one peripheral.</summary>
public enum DeviceStatus
{
    Present,
    Absent,
    Faulty,
}
