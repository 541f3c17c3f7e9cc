using System.Runtime.InteropServices;

namespace TiepCongDan.Edge.Card.Qr;

/// <summary>
/// The libc calls the scanner needs: EVIOCGRAB, so scanned codes do not also type into the
/// screen, and poll, because a blocking read on a character device cannot be cancelled.
/// </summary>
internal static unsafe partial class EvdevNative
{
    /// <summary>_IOW('E', 0x90, int).</summary>
    public const ulong EviocGrab = 0x40044590;

    public const short PollIn = 0x1;

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(nint fd, ulong request, nint argument);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }
}
