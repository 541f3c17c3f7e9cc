using System.Globalization;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Parsing;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Reception.Flow;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Reception;

/// <summary>What each input does in each state (on the flow's thread).</summary>
public sealed partial class ReceptionCoordinator
{
    private const string SimulatedSource = "simulated";

    private void OnButton(ButtonEvent e)
    {
        if (e.Role == ButtonRole.Staff)
        {
            // Click (released before 3 s) confirms; LongPress (raised while held) ends. Press alone waits to see which,
            // but its time is when the staff acted: a Click is stamped at the release.
            if (e.Kind == ButtonEventKind.Press)
            {
                _staffPressedAt = e.At;
            }
            else if (e.Kind == ButtonEventKind.Click)
            {
                OnStaffPress(_staffPressedAt ?? e.At);
                _staffPressedAt = null;
            }
            else if (e.Kind == ButtonEventKind.LongPress)
            {
                Fire(ReceptionTrigger.StaffLongPress);
            }

            return;
        }

        // The four buttons answer on the debounced press: an elderly hand may hold them past the long-press time.
        if (e.Kind != ButtonEventKind.Press)
        {
            return;
        }

        var index = (int)e.Role - (int)ButtonRole.VerySatisfied;
        if (_state == ReceptionState.Identified)
        {
            Session.CaseKind = CaseKinds.All[index];
            Fire(ReceptionTrigger.CaseKindChosen);
        }
        else if (_state == ReceptionState.Rating)
        {
            Session.Rating = SessionRatings.All[index];
            Fire(ReceptionTrigger.Rated);
        }
        else
        {
            ReceptionLog.Ignored(_logger, e.Role + " " + e.Kind, _state);
        }
    }

    private void OnStaffPress(DateTimeOffset at)
    {
        switch (_state)
        {
            case ReceptionState.Idle:
                Session.ButtonAt = at;
                Fire(ReceptionTrigger.StaffPress);
                break;
            case ReceptionState.CitizenPresent when Session.Reading:
                // The chip is being read: the press would race the card; the read ends in seconds either way.
                ReceptionLog.Ignored(_logger, "staff press while reading", _state);
                break;
            case ReceptionState.CitizenPresent:
                // The staff vouches for a citizen who has no card (or whose card cannot be read).
                Session.Citizen = null;
                Session.CitizenName = ReceptionMessages.UnidentifiedCitizen;
                Session.ButtonAt = at;
                Fire(ReceptionTrigger.StaffPress);
                break;
            case ReceptionState.Identified:
                Session.ButtonAt = at;
                Fire(ReceptionTrigger.StaffPress);
                break;
            default:
                Fire(ReceptionTrigger.StaffPress);
                break;
        }
    }

    private void OnCard(CardSignal signal)
    {
        switch (signal.Kind)
        {
            case CardSignalKind.CardInserted:
                _cardOnReader = true;
                if (_state == ReceptionState.Idle)
                {
                    Session.CardPresentedAt = signal.At;
                    Fire(ReceptionTrigger.CardPresented);
                }
                else if (_state == ReceptionState.CitizenPresent)
                {
                    Session.CardPresentedAt ??= signal.At;
                    TryIdentify();
                }

                break;
            case CardSignalKind.CardRemoved:
                // Not a cancel: an elderly citizen often lifts the card and puts it back; the timeout and the staff decide.
                _cardOnReader = false;
                break;
            case CardSignalKind.QrScanned:
            case CardSignalKind.MrzScanned:
                OnCode(signal);
                break;
            default:
                ReceptionLog.Ignored(_logger, signal.Kind.ToString(), _state);
                break;
        }
    }

    private void OnCode(CardSignal signal)
    {
        if (_state is not (ReceptionState.Idle or ReceptionState.CitizenPresent) || (_session?.Reading ?? false))
        {
            ReceptionLog.Ignored(_logger, signal.Kind.ToString(), _state);
            return;
        }

        CardAccessKey key;
        try
        {
            var text = signal.Text ?? string.Empty;
            key = signal.Kind == CardSignalKind.QrScanned
                ? CardAccessKey.FromQr(text)
                : CardAccessKey.FromMrz(text, DateOnly.FromDateTime(_time.GetLocalNow().DateTime));
        }
        catch (CardDataException ex)
        {
            // A shop's QR or a bank card: say so and keep waiting, without opening a session for it.
            ReceptionLog.WrongCode(_logger, ex.GetType().Name);
            Present(_view with { Prompt = VoicePromptId.WrongQr, Message = ReceptionMessages.WrongCode });
            return;
        }

        var session = Session;
        session.Key = key;
        session.QrText = signal.Kind == CardSignalKind.QrScanned ? signal.Text : null;
        session.CardPresentedAt ??= signal.At;
        if (_state == ReceptionState.Idle)
        {
            Fire(ReceptionTrigger.QrPresented);
        }
        else
        {
            TryIdentify();
        }
    }

    /// <summary>In CitizenPresent: reads the chip once a card is on the reader and a key is known; without a chip reader, the QR alone identifies.</summary>
    private void TryIdentify()
    {
        if (_state != ReceptionState.CitizenPresent || _session is not { } session || session.Reading || session.Key is not { } key)
        {
            return;
        }

        if (_reader is null)
        {
            if (session.QrText is { } qrText)
            {
                var qr = CccdQr.Parse(qrText);
                session.Citizen = new ReceptionCitizen(
                    qr.IdNumber,
                    qr.FullName,
                    qr.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    qr.Sex,
                    qr.Address,
                    "not-checked",
                    "qr");
                session.CitizenName = qr.FullName;
                ReceptionLog.Identified(_logger, session.Id, session.Citizen.MaskedIdNumber, "qr", "not-checked");
                Fire(ReceptionTrigger.Identified);
            }

            return;
        }

        if (!_cardOnReader)
        {
            return;
        }

        session.Reading = true;
        var epoch = _epoch;
        var reader = _reader;
        var stopping = _stopping;
        _ = Task.Run(async () =>
        {
            try
            {
                var identity = await reader.ReadAsync(key, stopping).ConfigureAwait(false);
                Post(new ReceptionInput(ReceptionInputKind.ReadCompleted, epoch) { Identity = identity });
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Post(new ReceptionInput(ReceptionInputKind.ReadFailed, epoch) { Error = ex });
            }
        }, CancellationToken.None);
    }

    private void OnReadCompleted(ReceptionInput input)
    {
        using var identity = input.Identity!;
        if (input.Epoch != _epoch || _state != ReceptionState.CitizenPresent || _session is not { } session)
        {
            ReceptionLog.Ignored(_logger, "late card read", _state);
            return;
        }

        session.Reading = false;
        var entry = identity.ForRegister();
        var authenticity = entry.Authenticity.ToWire();
        // The simulation console's made-up card says so in its authenticity; everything else came from a chip.
        var source = authenticity == SimulatedSource ? SimulatedSource : "chip";
        session.Citizen = new ReceptionCitizen(
            entry.IdNumber,
            entry.FullName,
            entry.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            entry.Sex,
            entry.PlaceOfResidence,
            authenticity,
            source);
        session.CitizenName = entry.FullName;
        ReceptionLog.Identified(_logger, session.Id, session.Citizen.MaskedIdNumber, source, session.Citizen.Authenticity);
        Fire(ReceptionTrigger.Identified);
    }

    private void OnReadFailed(ReceptionInput input)
    {
        if (input.Epoch != _epoch || _state != ReceptionState.CitizenPresent || _session is not { } session)
        {
            return;
        }

        session.Reading = false;
        var error = input.Error!;
        if (error is OperationCanceledException && _stopping.IsCancellationRequested)
        {
            return;
        }

        // CardReadException's message is English and holds no ID or name (its contract); anything else is logged by type only.
        ReceptionLog.ReadFailed(_logger, session.Id, error is CardReadException ? error.Message : error.GetType().Name);
        session.ErrorMessage = error is CardReadException read ? read.StaffMessage : CardReadMessages.Generic;
        session.ErrorPrompt = VoicePromptId.CardReadFailed;
        Fire(ReceptionTrigger.IdentificationFailed);
    }

    private void OnTimeout()
    {
        if (_state == ReceptionState.Connecting && _session is { } session)
        {
            session.ErrorMessage = ReceptionMessages.ConnectionTimedOut;
        }

        Fire(ReceptionTrigger.Timeout);
    }
}
