using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TiepCongDan.Edge.Card.Qr;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Reception.Inputs;

/// <summary>
/// Publishes every code a keyboard-wedge QR scanner types (<see cref="KeyboardWedgeQrScanner"/>) as a
/// <see cref="CardSignalKind.QrScanned"/>; when the scanner is unplugged or not there yet, tries again
/// every few seconds. The code holds the ID number: never logged here.
/// </summary>
public sealed class QrScannerSignalSource(string devicePath, CardSignalFeed feed, TimeProvider time, ILogger<QrScannerSignalSource> logger) : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var scanner = new KeyboardWedgeQrScanner(devicePath, time, logger);
        var warned = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var code in scanner.ReadCodesAsync(stoppingToken).ConfigureAwait(false))
                {
                    warned = false;
                    feed.Publish(new CardSignal(CardSignalKind.QrScanned, time.GetUtcNow(), code));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Logged once per outage, not every retry.
                if (!warned)
                {
                    ReceptionLog.SourceStopped(logger, "QR scanner " + devicePath, ex.Message);
                    warned = true;
                }
            }

            await Task.Delay(Retry, time, stoppingToken).ConfigureAwait(false);
        }
    }
}
