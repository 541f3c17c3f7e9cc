using TiepCongDan.Edge.Health;

namespace TiepCongDan.Edge.Tests.SelfTest;

/// <summary>The kernel's NTP state as a test wants it (a container's clock may or may not report synchronised).</summary>
internal sealed class SyncedClockProbe(bool synced = true) : IClockSyncProbe
{
    public bool IsSynchronized() => synced;
}
