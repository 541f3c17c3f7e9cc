using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace TiepCongDan.Edge.Card.Qr;

/// <summary>
/// Reads the codes a USB QR scanner in keyboard mode types, from its evdev node
/// (<c>/dev/input/by-id/usb-…-event-kbd</c>), grabbed so the keystrokes reach no one else.
/// The enumeration ends when the device goes away (unplugged: an IOException, or end of
/// file); the caller reopens it when it returns. A code cut off for longer than
/// <see cref="LineGap"/> is dropped rather than glued to the next scan.
/// </summary>
public sealed partial class KeyboardWedgeQrScanner(string devicePath, TimeProvider timeProvider, ILogger logger)
{
    private const int Eintr = 4;
    private const int Einval = 22;
    private const int Enotty = 25;
    private const int PollIntervalMs = 200;

    /// <summary>A scanner types a whole code in well under a second; a longer pause means a cut-off scan.</summary>
    public TimeSpan LineGap { get; init; } = TimeSpan.FromSeconds(1);

    public async IAsyncEnumerable<string> ReadCodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(devicePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Grab(handle);
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        var decoder = new EvdevKeyDecoder();
        var buffer = new byte[EvdevKeyDecoder.EventSize * 64];
        var filled = 0;
        var lastEventAt = timeProvider.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!await Task.Run(() => WaitReadable(handle), cancellationToken))
            {
                if (decoder.HasPartialLine && timeProvider.GetElapsedTime(lastEventAt) > LineGap)
                {
                    LogCutOffScan(logger, devicePath);
                    decoder.DiscardPartialLine();
                }

                continue;
            }

            // poll said readable: this read returns at once (data, end of file, or the error).
            var read = stream.Read(buffer.AsSpan(filled));
            if (read == 0)
            {
                yield break;
            }

            lastEventAt = timeProvider.GetTimestamp();
            filled += read;
            var whole = filled - (filled % EvdevKeyDecoder.EventSize);
            for (var offset = 0; offset < whole; offset += EvdevKeyDecoder.EventSize)
            {
                if (decoder.Feed(buffer.AsSpan(offset, EvdevKeyDecoder.EventSize)) is { Length: > 0 } line)
                {
                    yield return line;
                }
            }

            buffer.AsSpan(whole, filled - whole).CopyTo(buffer);
            filled -= whole;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static unsafe bool WaitReadable(SafeFileHandle handle)
    {
        var fd = new EvdevNative.PollFd { Fd = (int)handle.DangerousGetHandle(), Events = EvdevNative.PollIn };
        var ready = EvdevNative.Poll(&fd, 1, PollIntervalMs);
        if (ready < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == Eintr ? false : throw new IOException($"poll on the QR scanner failed (errno {errno}).");
        }

        // POLLHUP/POLLERR also count: the read that follows reports end of file or the error.
        return ready > 0;
    }

    private void Grab(SafeFileHandle handle)
    {
        if (EvdevNative.Ioctl(handle.DangerousGetHandle(), EvdevNative.EviocGrab, 1) == 0)
        {
            return;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno is Enotty or Einval)
        {
            // Not an input device (a FIFO in tests, a serial scanner's node): nothing to grab.
            LogNotGrabbed(logger, devicePath);
            return;
        }

        throw new IOException($"The QR scanner {devicePath} is in use by another program (EVIOCGRAB errno {errno}).");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "QR scanner {Device}: a code was cut off before its Enter; dropped")]
    private static partial void LogCutOffScan(ILogger logger, string device);

    [LoggerMessage(Level = LogLevel.Debug, Message = "QR scanner {Device} is not an evdev node; reading it without a grab")]
    private static partial void LogNotGrabbed(ILogger logger, string device);
}
