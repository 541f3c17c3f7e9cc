using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Tests.Infrastructure;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Tests.Voice;

/// <summary>The voice never holds up the edge's start: prompts render on first use, the rest later while idle; a broken voice warns once.</summary>
public sealed class VoiceLazyRendering_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-voice-lazy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_background_warmup_waits_its_delay_and_then_while_a_session_runs()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        // A synthesiser that cannot start: the warmup ends (logged) at its first render, which is what this test watches for.
        var options = VoiceTestTools.Options(_dir);
        options.EspeakPath = Path.Combine(_dir, "no-espeak-ng");
        var status = new StubStatus { State = ReceptionState.Live };
        var logger = new RecordingLogger();
        using var renderer = new VoicePromptRenderer(options);
        using var warmup = new VoicePromptWarmup(Microsoft.Extensions.Options.Options.Create(options), renderer, logger, time, TimeSpan.FromSeconds(120), status);

        await warmup.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(119));
        await Task.Delay(200);
        Assert.Equal(0, status.Reads);

        // Its timer may be set just after an advance (the task runs on the pool): keep the fake clock moving.
        await Until(() => status.Reads > 0, "the warmup to look whether a session runs", () => time.Advance(TimeSpan.FromSeconds(1)));
        for (var i = 0; i < 12; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }

        Assert.False(warmup.Completion.IsCompleted, "rendered while a session runs");
        Assert.True(status.Reads > 1, "did not look again while waiting");

        status.State = ReceptionState.Idle;
        for (var i = 0; i < 200 && !warmup.Completion.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }

        await warmup.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(logger.Entries, e => e.EventId == 7706 && e.Message.Contains("espeak-ng", StringComparison.Ordinal));
        await warmup.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_voice_that_cannot_speak_warns_once_and_the_rest_quietly()
    {
        var options = VoiceTestTools.Options(_dir);
        options.EspeakPath = Path.Combine(_dir, "no-espeak-ng");
        var logger = new RecordingLogger();
        using var renderer = new VoicePromptRenderer(options);
        await using var player = new VoicePlayer(options, renderer, new WavFileVoiceOutput(_dir), logger);

        Assert.Equal(VoicePlaybackOutcome.Failed, await player.Play(VoicePromptId.Idle).Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(VoicePlaybackOutcome.Failed, await player.Play(VoicePromptId.CitizenPresent).Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(VoicePlaybackOutcome.Failed, await player.Play(VoicePromptId.Identified).Completion.WaitAsync(TimeSpan.FromSeconds(10)));

        var warning = Assert.Single(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("apt-get install espeak-ng", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, logger.Entries.Count(e => e.EventId == 7707));
    }

    private static async Task Until(Func<bool> condition, string what, Action meanwhile)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            meanwhile();
            await Task.Delay(20);
        }
    }

    private sealed class StubStatus : IReceptionStatus
    {
        private ReceptionState _state;
        private int _reads;

        public event EventHandler<ReceptionState>? StateChanged;

        public int Reads => Volatile.Read(ref _reads);

        public ReceptionState State
        {
            get
            {
                Interlocked.Increment(ref _reads);
                return _state;
            }

            set => _state = value;
        }

        public string? SessionId => null;

        public void Raise() => StateChanged?.Invoke(this, State);
    }
}
