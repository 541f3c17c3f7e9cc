using System.Runtime.InteropServices;

namespace TiepCongDan.Edge.Health;

/// <summary>
/// Asks the kernel through adjtimex(2) with modes = 0 (read only, no privilege needed): the call
/// returns TIME_ERROR (5) while STA_UNSYNC is set, i.e. no NTP daemon has disciplined the clock.
/// Chosen over `timedatectl` (spawns a process, ~100 ms, needs D-Bus) and over
/// /run/systemd/timesync/synchronized (only systemd-timesyncd writes it; chrony does not).
/// Falls back to that file when libc cannot be called.
/// </summary>
public sealed partial class AdjtimexClockSyncProbe(ISystemFiles files) : IClockSyncProbe
{
    private const int TimeError = 5;

    // struct timex is 208 bytes on LP64 Linux; a larger zeroed buffer keeps us safe on any ABI.
    private const int TimexBufferSize = 512;

    public bool IsSynchronized()
    {
        var result = QueryKernel();
        return result is { } state
            ? state != TimeError
            : files.ReadText("/run/systemd/timesync/synchronized") is not null;
    }

    /// <summary>The adjtimex return value (clock state), or null when the call is unavailable.</summary>
    public static int? QueryKernel()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = Marshal.AllocHGlobal(TimexBufferSize);
        try
        {
            unsafe
            {
                new Span<byte>((void*)buffer, TimexBufferSize).Clear();
            }

            var state = Adjtimex(buffer);
            return state < 0 ? null : state;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    [LibraryImport("libc", EntryPoint = "adjtimex", SetLastError = true)]
    private static partial int Adjtimex(IntPtr timex);
}
