using System.Runtime.InteropServices;

namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>kill(2): Process.Kill only sends SIGKILL, and ffmpeg deserves a SIGTERM to close its output first.</summary>
internal static partial class PosixSignal
{
    public const int SigTerm = 15;

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            // ESRCH: it exited on its own in the meantime.
            if (errno != 3)
            {
                throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {errno}.");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
