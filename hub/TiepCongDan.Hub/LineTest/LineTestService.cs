using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Ingest;
using TiepCongDan.Hub.Sparkplug;

namespace TiepCongDan.Hub.LineTest;

/// <summary>
/// Runs a kiosk's line test: asks it (NCMD Line Test) for 10 s of the stamped test pattern, watches
/// that stream arrive through the SRT ingest, decodes the stamps, and reports frames sent and
/// received, bitrate, RTT, loss, retransmits, added latency and a verdict. One test per kiosk at a time.
/// </summary>
public sealed partial class LineTestService(ILiveSessionBus bus, NodeCommandSender sender, TimeProvider time, ILogger<LineTestService> logger)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(16);
    private readonly ConcurrentDictionary<string, bool> _running = new(StringComparer.Ordinal);

    public async Task<LineTestReport> RunAsync(string kioskId, CancellationToken cancellationToken)
    {
        if (!_running.TryAdd(kioskId, true))
        {
            throw new InvalidOperationException($"A line test of kiosk {kioskId} is already running.");
        }

        try
        {
            return await RunOnceAsync(kioskId, cancellationToken);
        }
        finally
        {
            _running.TryRemove(kioskId, out _);
        }
    }

    private async Task<LineTestReport> RunOnceAsync(string kioskId, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource<LiveSessionInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStarted(LiveSessionInfo s)
        {
            if (s.KioskId == kioskId && MediaSessionId.IsLineTest(s.SessionId))
            {
                started.TrySetResult(s);
            }
        }

        void OnEnded(LiveSessionInfo s)
        {
            if (started.Task.IsCompletedSuccessfully && s.SessionId == started.Task.Result.SessionId)
            {
                ended.TrySetResult();
            }
        }

        bus.SessionStarted += OnStarted;
        bus.SessionEnded += OnEnded;
        try
        {
            if (!await sender.SendAsync(kioskId, MediaMetrics.LineTest, cancellationToken))
            {
                throw new InvalidOperationException("The hub is not connected to its MQTT broker; the kiosk cannot be asked for a line test.");
            }

            LiveSessionInfo session;
            try
            {
                session = await started.Task.WaitAsync(StartTimeout, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                Log.NoStream(logger, kioskId);
                var (level, text) = LineTestVerdict.Judge(0, 0, null, null, 0);
                return new LineTestReport(kioskId, string.Empty, 0, 0, 0, 0, null, null, null, null, level, text);
            }

            return await MeasureAsync(session, ended.Task, cancellationToken);
        }
        finally
        {
            bus.SessionStarted -= OnStarted;
            bus.SessionEnded -= OnEnded;
        }
    }

    private async Task<LineTestReport> MeasureAsync(LiveSessionInfo session, Task ended, CancellationToken cancellationToken)
    {
        long bytes = 0;
        var begin = time.GetTimestamp();
        LiveLinkStats? link = null;
        await using var decoder = new StampDecoder(time);
        using (bus.Subscribe(session.SessionId, packets =>
               {
                   Interlocked.Add(ref bytes, packets.Length);
                   decoder.Feed(packets);
               }))
        {
            using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(500), time);
            var deadline = Task.Delay(StreamTimeout, time, cancellationToken);
            while (!ended.IsCompleted && !deadline.IsCompleted)
            {
                link = bus.Sessions.FirstOrDefault(s => s.SessionId == session.SessionId)?.Link ?? link;
                await Task.WhenAny(ended, deadline, poll.WaitForNextTickAsync(cancellationToken).AsTask());
            }
        }

        var seconds = Math.Max(0.001, time.GetElapsedTime(begin).TotalSeconds);
        await decoder.CompleteAsync(TimeSpan.FromSeconds(5));
        var stamps = decoder.Stamps;
        var numbers = stamps.Select(s => (long)s.Stamp.FrameNumber).Distinct().ToList();
        var sent = numbers.Count == 0 ? 0 : numbers.Max() - numbers.Min() + 1;
        var latencies = stamps.Select(s => (double)(s.ArrivedUnixMs - s.Stamp.CaptureUnixMs)).Order().ToList();
        double? latency = latencies.Count == 0 ? null : latencies[latencies.Count / 2];
        var kbps = Interlocked.Read(ref bytes) * 8 / 1000.0 / seconds;
        var (level, text) = LineTestVerdict.Judge(sent, numbers.Count, link?.LossPercent, link?.RttMs, kbps);
        var report = new LineTestReport(session.KioskId, session.SessionId, Math.Round(seconds, 1), sent, numbers.Count, Math.Round(kbps, 1),
            link?.RttMs, link?.LossPercent, link?.PacketsRetransmitted, latency, level, text);
        Log.Finished(logger, session.KioskId, session.SessionId, numbers.Count, sent, level);
        return report;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 8100, Level = LogLevel.Warning, Message = "Line test of kiosk {KioskId}: no test stream arrived")]
        public static partial void NoStream(ILogger logger, string kioskId);

        [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Line test of kiosk {KioskId} ({TestId}): {Received}/{Sent} frames, verdict {Verdict}")]
        public static partial void Finished(ILogger logger, string kioskId, string testId, int received, long sent, string verdict);
    }
}
