using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Media.Upload;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Media;

/// <summary>The hub goes away in the middle of a backlog and comes back on the same address and data folder.</summary>
public sealed class HubRestartUploadTests
{
    private const string Kiosk = "14-04171";

    [Fact]
    public async Task The_uploader_reports_the_outage_keeps_everything_and_finishes_when_the_hub_returns()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tcd-hub-test-" + Guid.NewGuid().ToString("N"));
        var port = FreePort.Next();
        var url = $"--Hub:Http:Urls=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var catalog = new FakeSegmentCatalog { Seekable = false };
        var session = catalog.AddSession(MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow), Kiosk, 1_763_866_260_000, 1_763_866_290_000, 5);
        var segments = Enumerable.Range(0, 5).Select(seq => catalog.AddSegment(session.SessionId, seq, MediaKiosk.RandomSegment(200_000))).ToList();
        var hub = await TestHub.StartInAsync(dir, url);
        try
        {
            var settings = new SegmentUploaderSettings
            {
                HubBaseUri = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"),
                KioskId = Kiosk,
                Password = hub.KioskPassword(Kiosk),
                ChunkBytes = 32 * 1024,
                // Slow enough that the hub stops with most of the backlog still on the kiosk.
                MaxBytesPerSecond = 256 * 1024,
                RetryMinDelay = TimeSpan.FromMilliseconds(100),
                RetryMaxDelay = TimeSpan.FromMilliseconds(500),
                RequestTimeout = TimeSpan.FromSeconds(10),
                IdlePollInterval = TimeSpan.FromSeconds(1),
            };
            await using var uploader = new SegmentUploader(catalog, settings, TimeProvider.System, NullLogger.Instance);
            uploader.Start();
            await Eventually.True(() => catalog.Confirmed.Count >= 1, "a first segment confirmed", 30_000);
            await hub.DisposeAsync();

            await Eventually.True(() => uploader.LastError?.Contains("Không kết nối", StringComparison.Ordinal) == true, "the outage reported to the operator", 30_000);
            Assert.True(catalog.Confirmed.Count < segments.Count, "the hub stopped before the backlog was done");
            Assert.Equal(SegmentUploaderState.WaitingToRetry, uploader.State);

            hub = await TestHub.StartInAsync(dir, url);
            await Eventually.True(() => catalog.Confirmed.Count == segments.Count, "every segment confirmed after the restart", 45_000);
            foreach (var segment in segments)
            {
                var path = Path.Combine(dir, "archive", Kiosk, session.SessionId, $"{segment.Sequence:D6}.ts");
                Assert.Equal(segment.Sha256, MediaKiosk.Sha(await File.ReadAllBytesAsync(path)));
            }

            await Eventually.True(() => catalog.EndDeclared.Contains(session.SessionId), "the end declared");
            Assert.True(uploader.BytesUploaded < segments.Sum(s => s.Bytes) + settings.ChunkBytes, $"uploaded {uploader.BytesUploaded} bytes");
        }
        finally
        {
            await hub.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }
    }
}
