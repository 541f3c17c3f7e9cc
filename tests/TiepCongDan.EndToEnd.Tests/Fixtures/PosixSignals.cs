using System.Runtime.InteropServices;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// kill(2) by PID. .NET can only send SIGKILL; the tests also need SIGTERM (a clean stop whose
/// Will must NOT be published) and SIGKILL (a crash, whose Will must be).
/// </summary>
public static partial class PosixSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;
    public const int SigStop = 19;
    public const int SigCont = 18;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Sends the signal; false when the process no longer exists.</summary>
    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;
}
