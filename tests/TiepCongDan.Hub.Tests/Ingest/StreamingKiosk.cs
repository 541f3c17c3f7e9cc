using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Media.Recording;
using TiepCongDan.Edge.Media.Uplink;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>
/// A kiosk's real media path in-process: ffmpeg's TS → the edge's MediaRecorder (segments with markers,
/// journal with hashes) → its live output → the edge's SrtUplink to the hub. Keeps every byte it sent.
/// </summary>
public sealed class StreamingKiosk : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tcd-ingest-kiosk-" + Guid.NewGuid().ToString("N"));
    private readonly MediaRecorder _recorder;
    private readonly SrtUplink _uplink;
    private readonly Lock _gate = new();
    private readonly MemoryStream _sent = new();

    public StreamingKiosk(string kioskId, int port, string passphrase, string? sessionId = null)
    {
        KioskId = kioskId;
        SessionId = sessionId ?? MediaSessionId.New(kioskId, DateTimeOffset.UtcNow);
        _recorder = MediaRecorder.Open(new MediaRecorderSettings
        {
            Directory = _directory,
            KeyPath = Path.Combine(_directory, "media.key"),
            TargetSegmentDuration = TimeSpan.FromSeconds(2),
            MaxSegmentDuration = TimeSpan.FromSeconds(6),
            LowDiskBytes = 1024 * 1024,
            ReserveBytes = 1024,
        }, TimeProvider.System, NullLogger.Instance);
        _uplink = new SrtUplink(new SrtUplinkSettings
        {
            Host = "127.0.0.1",
            Port = port,
            KioskId = kioskId,
            SessionId = SessionId,
            Passphrase = passphrase,
            ConnectTimeout = TimeSpan.FromSeconds(3),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(200),
            ReconnectMaxDelay = TimeSpan.FromSeconds(1),
            MaxQueueBytes = 8 * 1024 * 1024,
        }, TimeProvider.System, NullLogger.Instance);
    }

    public string KioskId { get; }

    public string SessionId { get; }

    public SrtUplink Uplink => _uplink;

    /// <summary>The kiosk's store, as its segment uploader sees it.</summary>
    public ISegmentCatalog Catalog => _recorder;

    public byte[] Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToArray();
            }
        }
    }

    /// <summary>The kiosk's journal: every segment of the session with its SHA-256, in order.</summary>
    public IReadOnlyList<SegmentRecord> JournalSegments => _recorder.PendingSegments(SessionId);

    public async Task ConnectAsync()
    {
        _uplink.Start();
        await Infrastructure.Eventually.True(() => _uplink.State == SrtUplinkState.Connected, $"kiosk {KioskId} to connect to the hub's ingest", 15_000);
    }

    /// <summary>Records and streams <paramref name="ts"/> at several times real time, then ends the session and drains the uplink.</summary>
    public async Task StreamAsync(byte[] ts)
    {
        var session = _recorder.BeginSession(SessionId, KioskId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        session.LiveOutput = bytes =>
        {
            lock (_gate)
            {
                _sent.Write(bytes);
            }

            _uplink.Send(bytes);
        };
        const int Chunk = 2 * 1316;
        for (var offset = 0; offset < ts.Length; offset += Chunk)
        {
            session.Write(ts.AsSpan(offset, Math.Min(Chunk, ts.Length - offset)));
            await Task.Delay(4);
        }

        session.Complete(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.True(await _uplink.DrainAsync(TimeSpan.FromSeconds(20)), $"kiosk {KioskId}: the uplink did not drain");
    }

    public async ValueTask DisposeAsync()
    {
        await _uplink.DisposeAsync();
        _recorder.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder
        }
    }
}
