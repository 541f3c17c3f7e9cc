using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Encoders;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Media.Encoders;

/// <summary>Crash back-off on a fake clock, with a stand-in child (sh) that exits at once or after a "healthy" run.</summary>
public sealed partial class FfmpegSupervisorBackoffTests
{
    [Fact]
    public async Task Crash_loop_backs_off_exponentially_capped_and_resets_after_a_healthy_run()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T03:00:00Z", CultureInfo.InvariantCulture));
        var logger = new RecordingLogger();
        var healthy = false;
        var options = new FfmpegSupervisorOptions
        {
            Arguments = (_, _, _, _) => ["-c", Volatile.Read(ref healthy) ? "sleep 0.5; exit 1" : "exit 1"],
            Random = new Random(7),
        };
        var capture = new CaptureSettings { FfmpegPath = "sh" };
        await using var supervisor = new FfmpegSupervisor(capture, new EncodeSettings(640, 360, 30, 300, 64, EncoderKind.Libx264), time, logger, _ => { }, options);
        supervisor.ProcessStarted += (_, _) =>
        {
            if (Volatile.Read(ref healthy))
            {
                // The child "ran" 31 s on the supervisor's clock before it crashes.
                time.Advance(TimeSpan.FromSeconds(31));
            }
        };
        supervisor.Start();

        var delays = new List<double>();
        for (var crash = 1; crash <= 7; crash++)
        {
            await WaitUntil(() => Delays(logger).Count >= crash, $"crash {crash}");
            delays = Delays(logger);
            // The seventh child (started by this Advance) runs "healthy".
            Volatile.Write(ref healthy, crash == 6);
            if (crash < 7)
            {
                time.Advance(TimeSpan.FromSeconds(30));
            }
        }

        Assert.Equal(1000, delays[0]);
        for (var attempt = 1; attempt < 6; attempt++)
        {
            Assert.InRange(delays[attempt], 1000, Math.Min(30_000, 1000 * Math.Pow(2, attempt)));
        }

        // After a run of 30 s or more the back-off starts again from the minimum.
        Assert.Equal(1000, delays[6]);
        Assert.Equal(7, supervisor.Restarts);
    }

    private static List<double> Delays(RecordingLogger logger) =>
        logger.Entries.Where(e => e.EventId == 7101).Select(e => double.Parse(DelayText().Match(e.Message).Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), $"timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }

    [GeneratedRegex(@"in (\d+) ms")]
    private static partial Regex DelayText();
}
