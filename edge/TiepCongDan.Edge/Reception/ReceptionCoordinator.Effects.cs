using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Reception.Flow;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Reception;

/// <summary>What entering each state does: timers, media, and what the presenters are given.</summary>
public sealed partial class ReceptionCoordinator
{
    /// <summary>The uplink state (<see cref="Media.MediaNodeStatus.UplinkState"/>) that means the session reaches the hub live.</summary>
    public const string UplinkConnected = "connected";

    private void Enter(ReceptionSession session, ReceptionTransition transition)
    {
        var view = new ReceptionView(transition.To, session.Id, session.CitizenName, CaseKind: session.CaseKind);
        switch (transition.To)
        {
            case ReceptionState.Idle:
                // Thanks for a rating; otherwise the greeting for the next citizen.
                Present(new ReceptionView(ReceptionState.Idle, Prompt: transition.Trigger == ReceptionTrigger.Rated ? VoicePromptId.RatingThanks : null));
                return;
            case ReceptionState.CitizenPresent:
                StartTimeout(_options.CitizenPresentTimeout);
                Present(view);
                TryIdentify();
                return;
            case ReceptionState.Identified:
                StartTimeout(_options.IdentifiedTimeout);
                Present(view);
                return;
            case ReceptionState.Connecting:
                StartTimeout(_options.ConnectingTimeout);
                StartChecks();
                Present(view);
                StartMedia(session);
                return;
            case ReceptionState.Live:
                session.WentLive = true;
                StartChecks();
                Present(view);
                return;
            case ReceptionState.Ending:
                StartTimeout(_options.EndingTimeout);
                Present(view);
                StopMedia(session, _epoch);
                return;
            case ReceptionState.Rating:
                StartTimeout(_options.RatingTimeout);
                Present(view with { CountdownSeconds = _options.RatingSeconds });
                return;
            case ReceptionState.Error:
                StartTimeout(_options.ErrorDisplayTimeout);
                Present(view with
                {
                    Message = session.ErrorMessage ?? ReceptionMessages.InternalError,
                    Prompt = session.ErrorPrompt,
                    CountdownSeconds = _options.ErrorDisplaySeconds,
                });
                if (session.MediaStartRequested)
                {
                    StopMedia(session, epoch: null);
                }

                return;
            default:
                throw new InvalidOperationException($"No entry for reception state {transition.To}.");
        }
    }

    private void Present(ReceptionView view)
    {
        _view = view;
        foreach (var presenter in _presenters)
        {
            try
            {
                presenter.Present(view);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                ReceptionLog.PresenterFailed(_logger, presenter.GetType().Name, ex);
            }
        }
    }

    private void StartTimeout(TimeSpan after)
    {
        var epoch = _epoch;
        _timeoutTimer = _time.CreateTimer(_ => Post(new ReceptionInput(ReceptionInputKind.Timeout, epoch)), null, after, Timeout.InfiniteTimeSpan);
    }

    private void StartChecks()
    {
        var epoch = _epoch;
        var every = _options.LiveCheckInterval;
        _checkTimer = _time.CreateTimer(_ => Post(new ReceptionInput(ReceptionInputKind.MediaCheck, epoch)), null, every, every);
    }

    private void StopTimers()
    {
        _timeoutTimer?.Dispose();
        _timeoutTimer = null;
        _checkTimer?.Dispose();
        _checkTimer = null;
    }

    /// <summary>Asks media for the session once per session (entering Connecting happens once: the table refuses a second start).</summary>
    private void StartMedia(ReceptionSession session)
    {
        var epoch = _epoch;
        if (_media is not { } media)
        {
            Post(new ReceptionInput(ReceptionInputKind.MediaStartFailed, epoch) { Error = new InvalidOperationException(ReceptionMessages.NoMedia) });
            return;
        }

        if (session.MediaStartRequested)
        {
            return;
        }

        session.MediaStartRequested = true;
        Interlocked.Increment(ref _mediaStarts);
        var id = session.Id;
        var stopping = _stopping;
        _ = Task.Run(async () =>
        {
            try
            {
                var running = await media.StartSessionAsync(id, stopping).ConfigureAwait(false);
                Post(string.Equals(running, id, StringComparison.Ordinal)
                    ? new ReceptionInput(ReceptionInputKind.MediaStarted, epoch)
                    : new ReceptionInput(ReceptionInputKind.MediaStartFailed, epoch) { Error = new InvalidOperationException(ReceptionMessages.OtherSessionRunning) });
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Post(new ReceptionInput(ReceptionInputKind.MediaStartFailed, epoch) { Error = ex });
            }
        }, CancellationToken.None);
    }

    private void OnMediaStarted(ReceptionInput input)
    {
        if (input.Epoch == _epoch && _state == ReceptionState.Connecting)
        {
            CheckMedia();
            return;
        }

        // Started after the flow gave up on it (timeout, cancel): stop it again, or it would record an empty kiosk.
        if (_state is not (ReceptionState.Live or ReceptionState.Ending) && _media is { } media)
        {
            ReceptionLog.Ignored(_logger, "late media start", _state);
            _ = StopOwnMediaAsync(media, sessionId: null);
        }
    }

    private void OnMediaStartFailed(ReceptionInput input)
    {
        if (input.Epoch != _epoch || _state != ReceptionState.Connecting || _session is not { } session)
        {
            return;
        }

        var error = input.Error!;
        ReceptionLog.MediaStartFailed(_logger, session.Id, error.Message);
        session.ErrorMessage = error is InvalidOperationException && IsVietnamese(error.Message) ? error.Message : ReceptionMessages.ConnectionFailed;
        Fire(ReceptionTrigger.ConnectionFailed);
    }

    // Media's own refusals (full store) are already sentences for the citizen; anything else gets ours.
    private static bool IsVietnamese(string message) => message.Any(c => c > '\u00ff');

    /// <summary>Connecting: the uplink is up for our session -> Live. Live: our session gone -> Ending; the uplink lost or back -> say so.</summary>
    private void CheckMedia()
    {
        if (_media is not { } media || _session is not { } session)
        {
            return;
        }

        var status = media.Status;
        var ours = string.Equals(status.SessionId, session.Id, StringComparison.Ordinal);
        var up = ours && string.Equals(status.UplinkState, UplinkConnected, StringComparison.Ordinal);
        if (_state == ReceptionState.Connecting)
        {
            if (up)
            {
                Fire(ReceptionTrigger.Connected);
            }

            return;
        }

        if (_state != ReceptionState.Live)
        {
            return;
        }

        if (!ours)
        {
            Fire(ReceptionTrigger.RemoteEnd);
        }
        else if (!up && !session.LinkLost)
        {
            // Stay live: the uplink reconnects by itself and the recording continues locally.
            session.LinkLost = true;
            ReceptionLog.LinkChanged(_logger, session.Id, "lost");
            Present(_view with { Prompt = VoicePromptId.LinkLost });
        }
        else if (up && session.LinkLost)
        {
            session.LinkLost = false;
            ReceptionLog.LinkChanged(_logger, session.Id, "restored");
            Present(_view with { Prompt = VoicePromptId.Live });
        }
    }

    /// <summary>Stops the media session; with an epoch (Ending) reports back so the flow moves on to the rating.</summary>
    private void StopMedia(ReceptionSession session, long? epoch)
    {
        if (_media is not { } media || !session.MediaStartRequested)
        {
            if (epoch is { } now)
            {
                Post(new ReceptionInput(ReceptionInputKind.MediaStopped, now));
            }

            return;
        }

        var id = session.Id;
        _ = Task.Run(async () =>
        {
            await StopOwnMediaAsync(media, id).ConfigureAwait(false);
            if (epoch is { } e)
            {
                Post(new ReceptionInput(ReceptionInputKind.MediaStopped, e));
            }
        }, CancellationToken.None);
    }

    /// <summary>Stops media only while it runs our session (or, when <paramref name="sessionId"/> is null, one the flow no longer tracks).</summary>
    private async Task StopOwnMediaAsync(Media.IMediaNode media, string? sessionId)
    {
        try
        {
            var running = media.Status.SessionId;
            if (sessionId is not null && running.Length > 0 && !string.Equals(running, sessionId, StringComparison.Ordinal))
            {
                // Someone else's session (a hub command): not ours to stop.
                return;
            }

            await media.StopSessionAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ReceptionLog.MediaStopFailed(_logger, sessionId ?? "(late)", ex.Message);
        }
    }
}
