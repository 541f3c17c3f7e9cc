namespace TiepCongDan.Edge.Health;

/// <summary>Tells whether the system clock is synchronised (a Pi has no RTC: until NTP syncs, timestamps are wrong).</summary>
public interface IClockSyncProbe
{
    bool IsSynchronized();
}
