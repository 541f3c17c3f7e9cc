using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Media;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception.Flow;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Reception;

/// <summary>
/// Runs the kiosk's reception sessions (issue 6, docs/decisions/0019): reads the staff and rating
/// buttons, the card and QR signals, its own timers and the media's status into ONE queue handled
/// on one thread, moves <see cref="ReceptionStateMachine"/>, journals every transition
/// (<see cref="IReceptionJournal"/>, the same session id for media, archive and register) and
/// hands a <see cref="ReceptionView"/> to every <see cref="IReceptionPresenter"/>. Slow steps
/// (chip read, media start and stop) run beside the loop and report back as inputs tagged with the
/// state they started in, so a late answer never acts on a later state. A failing input is logged
/// and shown as Error; it never stops the loop. Members of <see cref="IReceptionStatus"/> are
/// thread-safe.
/// </summary>
public sealed partial class ReceptionCoordinator : BackgroundService, IReceptionStatus
{
    private readonly EdgeReceptionOptions _options;
    private readonly string _kioskId;
    private readonly IReceptionJournal _journal;
    private readonly CardSignalFeed _feed;
    private readonly IReadOnlyList<IReceptionPresenter> _presenters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMediaNode? _media;
    private readonly ICitizenCardReader? _reader;
    private readonly ButtonPanel? _panel;
    private readonly Channel<ReceptionInput> _inputs = Channel.CreateUnbounded<ReceptionInput>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ReceptionStateMachine _machine = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stopping;
    private ReceptionSession? _session;
    private volatile string? _sessionId;
    private volatile ReceptionView _view = new(ReceptionState.Idle);
    private ReceptionState _state = ReceptionState.Idle;
    private long _epoch;
    private bool _cardOnReader;
    private DateTimeOffset? _staffPressedAt;
    private ITimer? _timeoutTimer;
    private ITimer? _checkTimer;
    private long _mediaStarts;

    public ReceptionCoordinator(
        EdgeReceptionOptions options,
        string kioskId,
        IReceptionJournal journal,
        CardSignalFeed feed,
        IEnumerable<IReceptionPresenter> presenters,
        TimeProvider time,
        ILogger<ReceptionCoordinator>? logger = null,
        IMediaNode? media = null,
        ICitizenCardReader? cardReader = null,
        ButtonPanel? panel = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(kioskId);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(presenters);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _kioskId = kioskId;
        _journal = journal;
        _feed = feed;
        _presenters = presenters.ToList();
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _media = media;
        _reader = cardReader;
        _panel = panel;
    }

    /// <inheritdoc />
    public event EventHandler<ReceptionState>? StateChanged;

    /// <inheritdoc />
    public ReceptionState State => _view.State;

    /// <inheritdoc />
    public string? SessionId => _sessionId;

    /// <summary>What the presenters were last given.</summary>
    public ReceptionView CurrentView => _view;

    /// <summary>Completes once an interrupted session (if any) is closed and the flow takes input.</summary>
    public Task Ready => _ready.Task;

    /// <summary>How many times the flow asked media to start a session (tests: bounce starts one).</summary>
    public long MediaStartRequests => Interlocked.Read(ref _mediaStarts);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        await Task.Yield();
        try
        {
            await CloseInterruptedSessionAsync(stoppingToken).ConfigureAwait(false);
            Present(new ReceptionView(ReceptionState.Idle));
            ReceptionLog.Ready(_logger, _kioskId, _reader is not null, _panel is not null, _media is not null);
            _ready.TrySetResult();
            var pumps = new List<Task> { PumpCardsAsync(stoppingToken) };
            if (_panel is not null)
            {
                pumps.Add(PumpButtonsAsync(_panel, stoppingToken));
            }

            await foreach (var input in _inputs.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                Handle(input);
            }

            await Task.WhenAll(pumps).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: an open session is closed as interrupted at the next start.
        }
        finally
        {
            _ready.TrySetResult();
            _timeoutTimer?.Dispose();
            _checkTimer?.Dispose();
        }
    }

    private void Post(ReceptionInput input) => _inputs.Writer.TryWrite(input);

    private async Task PumpButtonsAsync(ButtonPanel panel, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var e in panel.Events.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                Post(new ReceptionInput(ReceptionInputKind.Button) { Button = e });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PumpCardsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var signal in _feed.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                Post(new ReceptionInput(ReceptionInputKind.Card) { Card = signal });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>A session left open by a kill or power cut is closed (seq + 1, interrupted) and its media stopped, before the first citizen.</summary>
    private async Task CloseInterruptedSessionAsync(CancellationToken cancellationToken)
    {
        ReceptionEvent? tail;
        try
        {
            tail = _journal.OpenSessionTail();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ReceptionLog.JournalFailed(_logger, 0, "(open session)", ex.Message, ex);
            return;
        }

        if (tail is null)
        {
            return;
        }

        ReceptionLog.ClosedInterrupted(_logger, tail.SessionId, tail.Seq, tail.To);
        var closing = new ReceptionEvent(
            tail.SessionId,
            tail.Seq + 1,
            _kioskId,
            _time.GetUtcNow().ToUnixTimeMilliseconds(),
            tail.To,
            nameof(ReceptionState.Idle),
            ReceptionTriggers.Interrupted,
            CaseKind: tail.CaseKind,
            Outcome: SessionOutcomes.Interrupted);
        try
        {
            _journal.Append(closing);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ReceptionLog.JournalFailed(_logger, closing.Seq, closing.SessionId, ex.Message, ex);
        }

        if (_media is not null)
        {
            try
            {
                await _media.StopSessionAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                ReceptionLog.MediaStopFailed(_logger, tail.SessionId, ex.Message);
            }
        }
    }

    private void Handle(ReceptionInput input)
    {
        try
        {
            switch (input.Kind)
            {
                case ReceptionInputKind.Button:
                    OnButton(input.Button!.Value);
                    break;
                case ReceptionInputKind.Card:
                    OnCard(input.Card!);
                    break;
                case ReceptionInputKind.Timeout when input.Epoch == _epoch:
                    OnTimeout();
                    break;
                case ReceptionInputKind.MediaCheck when input.Epoch == _epoch:
                    CheckMedia();
                    break;
                case ReceptionInputKind.ReadCompleted:
                    OnReadCompleted(input);
                    break;
                case ReceptionInputKind.ReadFailed:
                    OnReadFailed(input);
                    break;
                case ReceptionInputKind.MediaStarted:
                    OnMediaStarted(input);
                    break;
                case ReceptionInputKind.MediaStartFailed:
                    OnMediaStartFailed(input);
                    break;
                case ReceptionInputKind.MediaStopped when input.Epoch == _epoch:
                    Fire(ReceptionTrigger.Ended);
                    break;
                default:
                    ReceptionLog.Ignored(_logger, input.ToString(), _state);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ReceptionLog.InputFailed(_logger, input.Kind.ToString(), _state, ex);
            Fail(ReceptionMessages.InternalError);
        }
    }

    /// <summary>Moves to Error (from any state that takes it) with <paramref name="message"/> on the screen.</summary>
    private void Fail(string message, Voice.VoicePromptId? prompt = null)
    {
        if (_session is { } session && _machine.Accepts(ReceptionTrigger.Fault))
        {
            session.ErrorMessage = message;
            session.ErrorPrompt = prompt;
            Fire(ReceptionTrigger.Fault);
        }
    }

    /// <summary>The open session, begun when the flow leaves Idle (its id also names the media session).</summary>
    private ReceptionSession Session => _session ??= new ReceptionSession(MediaSessionId.New(_kioskId, _time.GetUtcNow()));

    /// <summary>
    /// Fires <paramref name="trigger"/> if the state takes it: journals the transition, runs the new
    /// state's entry and tells the presenters. False when the state does not take it (ignored input).
    /// </summary>
    private bool Fire(ReceptionTrigger trigger)
    {
        if (!_machine.Accepts(trigger))
        {
            ReceptionLog.Ignored(_logger, trigger.ToString(), _state);
            return false;
        }

        var session = Session;
        var transition = _machine.TryFire(trigger)!.Value;
        _state = transition.To;
        _epoch++;
        StopTimers();
        var reception = BuildEvent(session, transition);
        var journaled = TryAppend(reception);
        if (journaled)
        {
            session.Seq = reception.Seq;
        }

        ReceptionLog.Transition(_logger, session.Id, reception.Seq, reception.From, reception.To, reception.Trigger);
        if (transition.To == ReceptionState.Idle)
        {
            _session = null;
            _sessionId = null;
        }
        else
        {
            _sessionId = session.Id;
        }

        Enter(session, transition);
        StateChanged?.Invoke(this, transition.To);
        if (!journaled)
        {
            // The register must not lose a session silently: stop here and say so (Error, then Idle).
            Fail(ReceptionMessages.JournalFailed);
        }

        return true;
    }

    private bool TryAppend(ReceptionEvent reception)
    {
        try
        {
            _journal.Append(reception);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ReceptionLog.JournalFailed(_logger, reception.Seq, reception.SessionId, ex.Message, ex);
            return false;
        }
    }

    private ReceptionEvent BuildEvent(ReceptionSession session, ReceptionTransition transition)
    {
        var now = _time.GetUtcNow();
        var seq = session.Seq + 1;
        var closing = transition.To == ReceptionState.Idle;
        var live = transition.To == ReceptionState.Live;
        return new ReceptionEvent(
            session.Id,
            seq,
            _kioskId,
            now.ToUnixTimeMilliseconds(),
            transition.From.ToString(),
            transition.To.ToString(),
            ReceptionTriggerNames.ToWire(transition.Trigger, transition.From),
            Citizen: transition.To == ReceptionState.Identified ? session.Citizen : null,
            CaseKind: session.CaseKind,
            Rating: closing ? session.Rating : null,
            Staff: seq == 1 && !string.IsNullOrWhiteSpace(_options.Staff) ? _options.Staff.Trim() : null,
            Outcome: closing ? Outcome(session, transition) : null,
            CardToLiveMs: live ? MsSince(session.CardPresentedAt, now) : null,
            ButtonToLiveMs: live ? MsSince(session.ButtonAt, now) : null,
            Detail: transition.To == ReceptionState.Error ? session.ErrorMessage : null);
    }

    private static long? MsSince(DateTimeOffset? at, DateTimeOffset now) =>
        at is { } t ? Math.Max(0, (long)(now - t).TotalMilliseconds) : null;

    private static string Outcome(ReceptionSession session, ReceptionTransition transition) => transition.From switch
    {
        ReceptionState.Rating => session.WentLive ? SessionOutcomes.Completed : SessionOutcomes.Cancelled,
        ReceptionState.Error => SessionOutcomes.Failed,
        _ => transition.Trigger == ReceptionTrigger.Timeout ? SessionOutcomes.TimedOut : SessionOutcomes.Cancelled,
    };
}
