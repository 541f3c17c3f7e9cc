using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;

namespace TiepCongDan.Edge.Voice;

/// <summary>
/// Speaks one prompt at a time: a new prompt interrupts the one playing, <see cref="RepeatLast"/>
/// says the last one again for a citizen who did not hear it, and while the citizen is live with
/// the officials only the few prompts in <see cref="AllowedWhileLive"/> are spoken (half duplex,
/// docs/decisions/0017). Every method returns at once and is safe from any thread; the returned
/// <see cref="VoicePlayback"/> tells how the playback ended.
/// </summary>
public sealed class VoicePlayer : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly EdgeVoiceOptions _options;
    private readonly VoicePromptRenderer _renderer;
    private readonly VoiceOutput _output;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;
    private VoicePlayback? _current;
    private IReadOnlyList<VoicePromptId>? _last;
    private long _number;
    private bool _live;
    private bool _speaking;
    private bool _disposed;
    private int _failing;

    public VoicePlayer(EdgeVoiceOptions options, VoicePromptRenderer renderer, VoiceOutput output, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(output);
        _options = options;
        _renderer = renderer;
        _output = output;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Raised with true when a prompt starts sounding and false when it stops, on a pool thread, so
    /// the uplink can mute the microphone while the kiosk speaks (half-duplex ducking).
    /// </summary>
    public event EventHandler<bool>? SpeakingChanged;

    /// <summary>
    /// Prompts spoken even while live: short fixed sentences the officials may overhear without harm,
    /// and the link-lost one, said when there is no uplink to echo into.
    /// </summary>
    public static IReadOnlySet<VoicePromptId> AllowedWhileLive { get; } =
        new HashSet<VoicePromptId> { VoicePromptId.Live, VoicePromptId.SessionEnding, VoicePromptId.LinkLost };

    public bool IsLive
    {
        get
        {
            lock (_gate)
            {
                return _live;
            }
        }
    }

    public bool IsSpeaking
    {
        get
        {
            lock (_gate)
            {
                return _speaking;
            }
        }
    }

    /// <summary>The (first) prompt <see cref="RepeatLast"/> would say, if any was requested yet.</summary>
    public VoicePromptId? LastPrompt
    {
        get
        {
            lock (_gate)
            {
                return _last?[0];
            }
        }
    }

    /// <summary>
    /// Tells the player whether the citizen is talking with the officials. Going live interrupts a
    /// prompt that is not allowed while live (unless Edge:Voice:SpeakWhileLive).
    /// </summary>
    public void SetLive(bool live)
    {
        lock (_gate)
        {
            _live = live;
            if (live && !_options.SpeakWhileLive && _current is { } current && !current.Prompts.All(AllowedWhileLive.Contains))
            {
                current.Interrupt();
            }
        }
    }

    /// <summary>Speaks what is said on entering <paramref name="state"/> (see <see cref="VoicePromptCatalog.SequenceForState"/>).</summary>
    public VoicePlayback PlayForState(ReceptionState state) => Play(VoicePromptCatalog.SequenceForState(state));

    /// <summary>Says the last requested prompt (or sequence) again, or the idle invitation if none was.</summary>
    public VoicePlayback RepeatLast()
    {
        IReadOnlyList<VoicePromptId>? last;
        lock (_gate)
        {
            last = _last;
        }

        return Play(last ?? [VoicePromptId.Idle]);
    }

    /// <summary>Speaks <paramref name="prompt"/>, interrupting the one playing. Returns at once.</summary>
    public VoicePlayback Play(VoicePromptId prompt) => Play([prompt]);

    /// <summary>Speaks <paramref name="prompts"/> one after the other as one playback, interrupting the one playing. Returns at once.</summary>
    public VoicePlayback Play(IReadOnlyList<VoicePromptId> prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentOutOfRangeException.ThrowIfZero(prompts.Count);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var sequence = prompts.ToArray();
            _last = sequence;
            var playback = new VoicePlayback(sequence, ++_number);
            var reason = SuppressionReason(sequence);
            if (reason is not null)
            {
                VoiceLog.Suppressed(_logger, playback.Prompt, reason);
                playback.Finish(VoicePlaybackOutcome.Suppressed);
                return playback;
            }

            _current?.Interrupt();
            _current = playback;
            var previous = _tail;
            _tail = Task.Run(() => RunAfterAsync(previous, playback));
            return playback;
        }
    }

    /// <summary>Interrupts the prompt playing (if any) and waits until it has stopped.</summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            _current?.Interrupt();
            return _tail;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task tail;
        lock (_gate)
        {
            _disposed = true;
            _current?.Interrupt();
            tail = _tail;
        }

        await tail.ConfigureAwait(false);
    }

    private string? SuppressionReason(IReadOnlyList<VoicePromptId> prompts)
    {
        if (!_options.Enabled)
        {
            return "voice disabled (Edge:Voice:Enabled)";
        }

        if (_options.Volume <= 0)
        {
            return "volume 0";
        }

        return _live && !_options.SpeakWhileLive && !prompts.All(AllowedWhileLive.Contains)
            ? "the citizen is live with the officials (half duplex)"
            : null;
    }

    // Runs after the previous playback has fully stopped, so two ffmpeg never share the device.
    private async Task RunAfterAsync(Task previous, VoicePlayback playback)
    {
        await previous.ConfigureAwait(false);
        VoicePlaybackOutcome outcome;
        try
        {
            outcome = await PlayAsync(playback).ConfigureAwait(false);
        }
        catch (Exception e) when (e is VoiceToolMissingException or VoiceToolFailedException or IOException or UnauthorizedAccessException)
        {
            // Once per outage: a kiosk without espeak-ng or a sound card would otherwise warn at every step.
            if (Interlocked.Exchange(ref _failing, 1) == 0)
            {
                VoiceLog.Failed(_logger, playback.Prompt, e.Message);
            }
            else
            {
                VoiceLog.StillFailing(_logger, playback.Prompt, e.Message);
            }

            outcome = VoicePlaybackOutcome.Failed;
        }

        if (outcome == VoicePlaybackOutcome.Completed)
        {
            Interlocked.Exchange(ref _failing, 0);
        }

        if (outcome == VoicePlaybackOutcome.Interrupted)
        {
            VoiceLog.Interrupted(_logger, playback.Prompt);
        }

        lock (_gate)
        {
            if (ReferenceEquals(_current, playback))
            {
                _current = null;
            }
        }

        playback.Finish(outcome);
    }

    private async Task<VoicePlaybackOutcome> PlayAsync(VoicePlayback playback)
    {
        // A cache miss renders here (about a second); the prompt is still wanted unless interrupted meanwhile.
        List<string> arguments = ["-hide_banner", "-loglevel", "error"];
        foreach (var prompt in playback.Prompts)
        {
            arguments.AddRange(["-i", await _renderer.RenderAsync(prompt, _options.CacheDirectory).ConfigureAwait(false)]);
        }

        if (playback.IsInterrupted)
        {
            return VoicePlaybackOutcome.Interrupted;
        }

        var gain = _options.Gain;
        var filter = "volume=" + gain.ToString("0.000", CultureInfo.InvariantCulture) + (_output.NeedsPacing ? ",arealtime" : string.Empty);
        var count = playback.Prompts.Count;
        arguments.AddRange(count == 1
            ? ["-af", filter]
            : ["-filter_complex", string.Concat(Enumerable.Range(0, count).Select(i => $"[{i}:a]")) + $"concat=n={count}:v=0:a=1," + filter]);
        arguments.AddRange(_output.OutputArguments(playback.Number));
        VoiceLog.Speaking(_logger, playback.Prompt, playback.Number, gain);
        using var ffmpeg = VoiceToolRunner.Start(VoiceTool.Ffmpeg, _options.FfmpegPath, arguments, redirectInput: true);
        var stderr = ffmpeg.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdout = ffmpeg.StandardOutput.ReadToEndAsync(CancellationToken.None);
        SetSpeaking(true);
        try
        {
            var exited = ffmpeg.WaitForExitAsync();
            if (await Task.WhenAny(exited, playback.Interrupted).ConfigureAwait(false) != exited)
            {
                await StopAsync(ffmpeg).ConfigureAwait(false);
                return VoicePlaybackOutcome.Interrupted;
            }
        }
        finally
        {
            SetSpeaking(false);
            _ = await stdout.ConfigureAwait(false);
        }

        var errors = await stderr.ConfigureAwait(false);
        if (ffmpeg.ExitCode != 0)
        {
            throw new VoiceToolFailedException($"ffmpeg exited with code {ffmpeg.ExitCode} playing to {string.Join(' ', _output.OutputArguments(playback.Number))}: {errors.Trim()}");
        }

        (_output as WavFileVoiceOutput)?.Record(playback.Number, playback.Prompt);
        return VoicePlaybackOutcome.Completed;
    }

    // 'q' lets ffmpeg close its output properly (a WAV file gets its final length); kill if it does not go.
    private static async Task StopAsync(Process ffmpeg)
    {
        try
        {
            await ffmpeg.StandardInput.WriteAsync('q').ConfigureAwait(false);
            await ffmpeg.StandardInput.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // stdin already closed: ffmpeg is on its way out.
        }

        using var grace = new CancellationTokenSource(StopGrace);
        try
        {
            await ffmpeg.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ffmpeg.Kill(entireProcessTree: true);
            await ffmpeg.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private void SetSpeaking(bool speaking)
    {
        lock (_gate)
        {
            _speaking = speaking;
        }

        SpeakingChanged?.Invoke(this, speaking);
    }
}
