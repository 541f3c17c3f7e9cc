using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Edge.Card.Qr;

namespace TiepCongDan.Edge.Tests.Card.Qr;

/// <summary>
/// The scanner reader on a FIFO standing in for the evdev node (the one thing below our code
/// that cannot exist here): real open, poll, read and end of file.
/// </summary>
public sealed class KeyboardWedgeQrScannerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-wedge-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task CodesArriveInOrderAndTheEnumerationEndsWhenTheDeviceGoesAway()
    {
        var fifo = MakeFifo();
        Task<List<string>> reading;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var scanner = new KeyboardWedgeQrScanner(fifo, TimeProvider.System, NullLogger.Instance);

        // Read-write keeps the FIFO open without waiting for the reader, as a device node would be.
        await using (var device = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite))
        {
            reading = Collect(scanner, timeout.Token);
            await device.WriteAsync(WedgeKeystrokes.Type("001099012345||A|01011990|Nam|X|02022022"), timeout.Token);
            await device.FlushAsync(timeout.Token);
            await device.WriteAsync(WedgeKeystrokes.Type("second"), timeout.Token);
            await device.FlushAsync(timeout.Token);
        }

        var codes = await reading;

        Assert.Equal(["001099012345||A|01011990|Nam|X|02022022", "second"], codes);
    }

    [Fact]
    public async Task ACodeCutOffBeforeItsEnterIsDroppedNotGluedToTheNext()
    {
        var fifo = MakeFifo();
        Task<List<string>> reading;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var scanner = new KeyboardWedgeQrScanner(fifo, TimeProvider.System, NullLogger.Instance) { LineGap = TimeSpan.FromMilliseconds(300) };

        // Read-write keeps the FIFO open without waiting for the reader, as a device node would be.
        await using (var device = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite))
        {
            reading = Collect(scanner, timeout.Token);
            await device.WriteAsync(WedgeKeystrokes.Type("00109901", enter: false), timeout.Token);
            await device.FlushAsync(timeout.Token);
            await Task.Delay(TimeSpan.FromSeconds(1.5), timeout.Token);
            await device.WriteAsync(WedgeKeystrokes.Type("whole"), timeout.Token);
            await device.FlushAsync(timeout.Token);
        }

        Assert.Equal(["whole"], await reading);
    }

    [Fact]
    public async Task CancellationStopsAReaderWaitingOnASilentDevice()
    {
        var fifo = MakeFifo();
        var scanner = new KeyboardWedgeQrScanner(fifo, TimeProvider.System, NullLogger.Instance);
        using var cancel = new CancellationTokenSource();
        await using var device = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite);

        var reading = Collect(scanner, cancel.Token);
        await Task.Delay(500);
        var stopwatch = Stopwatch.StartNew();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.True(reading.IsCanceled || reading.IsFaulted);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task AMissingDeviceIsAClearError()
    {
        var scanner = new KeyboardWedgeQrScanner(Path.Combine(_dir, "no-such-event-kbd"), TimeProvider.System, NullLogger.Instance);

        await Assert.ThrowsAsync<FileNotFoundException>(() => Collect(scanner, CancellationToken.None));
    }

    private static async Task<List<string>> Collect(KeyboardWedgeQrScanner scanner, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var codes = new List<string>();
        await foreach (var code in scanner.ReadCodesAsync(cancellationToken))
        {
            codes.Add(code);
        }

        return codes;
    }

    private string MakeFifo()
    {
        var path = Path.Combine(_dir, "event-kbd");
        using var mkfifo = Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }
}
