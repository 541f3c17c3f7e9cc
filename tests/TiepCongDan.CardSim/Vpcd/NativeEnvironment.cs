using System.Runtime.InteropServices;

namespace TiepCongDan.CardSim.Vpcd;

/// <summary>
/// Environment.SetEnvironmentVariable changes only .NET's copy of the environment on Unix; native
/// libraries such as libpcsclite read the C environment with getenv, so set that one too.
/// </summary>
internal static partial class NativeEnvironment
{
    public static void Set(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (setenv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe blocks, which this fixture library does not enable for one call.
    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int setenv(string name, string value, int overwrite);
#pragma warning restore SYSLIB1054
}
