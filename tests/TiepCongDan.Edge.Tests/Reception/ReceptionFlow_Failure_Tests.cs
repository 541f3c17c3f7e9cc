using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Flow;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Tests.Reception;

public sealed class ReceptionFlow_Failure_Tests
{
    private static string Step(ReceptionEvent e) => $"{e.From}>{e.To} {e.Trigger}";

    [Fact]
    public async Task A_card_that_cannot_be_read_shows_the_staff_sentence_speaks_the_retry_prompt_and_returns_to_idle()
    {
        await using var rig = new ReceptionRig();
        rig.Reader!.Failure = new CardReadException(CardReadFailure.WrongKey, CardReadMessages.WrongKeyQr, "The card refused every key derived from the QR.");
        await rig.StartAsync();

        rig.Signal(CardSignalKind.QrScanned, ScriptedCardReader.Qr);
        await rig.WaitFor(ReceptionState.CitizenPresent);
        rig.Signal(CardSignalKind.CardInserted);
        await rig.WaitFor(ReceptionState.Error);

        var view = rig.Flow.CurrentView;
        Assert.Equal(CardReadMessages.WrongKeyQr, view.Message);
        Assert.Equal(VoicePromptId.CardReadFailed, view.Prompt);
        Assert.Equal(rig.Options.ErrorDisplaySeconds, view.CountdownSeconds);
        rig.AdvanceSeconds(rig.Options.ErrorDisplaySeconds);
        await rig.WaitFor(ReceptionState.Idle);

        var events = rig.OnlySession();
        Assert.Equal(
            ["Idle>CitizenPresent qr-presented", "CitizenPresent>Error identification-failed", "Error>Idle timeout"],
            events.Select(Step));
        Assert.Equal(CardReadMessages.WrongKeyQr, events[1].Detail);
        Assert.Equal(SessionOutcomes.Failed, events[^1].Outcome);
        Assert.Empty(rig.Media!.Starts);
    }

    [Fact]
    public async Task A_refused_media_start_goes_to_error_with_the_reason_and_back_to_idle()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();
        await rig.DriveTo(ReceptionState.Identified);
        rig.Media!.RefuseStart = new InvalidOperationException("Bộ nhớ của điểm cầu đã đầy: không thể ghi phiên mới.");

        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.Error);

        Assert.Equal("Bộ nhớ của điểm cầu đã đầy: không thể ghi phiên mới.", rig.Flow.CurrentView.Message);
        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.Idle);
        Assert.Equal(
            ["Identified>Connecting staff-press", "Connecting>Error connection-failed", "Error>Idle staff-press"],
            rig.Journal.Events.TakeLast(3).Select(Step));
        Assert.Equal(SessionOutcomes.Failed, rig.Journal.Events[^1].Outcome);
    }

    [Fact]
    public async Task Without_media_a_session_cannot_connect_and_says_so()
    {
        await using var rig = new ReceptionRig(withMedia: false);
        await rig.StartAsync();
        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.CitizenPresent);
        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.Identified);
        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.Error);

        Assert.Equal(ReceptionMessages.NoMedia, rig.Flow.CurrentView.Message);
    }

    [Fact]
    public async Task A_journal_that_refuses_an_event_puts_the_flow_in_error_and_the_next_citizen_is_served()
    {
        await using var rig = new ReceptionRig();
        rig.Journal.FailWhen = e => e.To == nameof(ReceptionState.Identified);
        await rig.StartAsync();

        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.CitizenPresent);
        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.Error);
        Assert.Equal(ReceptionMessages.JournalFailed, rig.Flow.CurrentView.Message);
        Assert.Equal(1, rig.Journal.Refused);

        rig.AdvanceSeconds(rig.Options.ErrorDisplaySeconds);
        await rig.WaitFor(ReceptionState.Idle);
        var first = rig.Journal.Events;
        // What reached the journal has no gap: the refused event's number went to the next one.
        Assert.Equal(Enumerable.Range(1, first.Count), first.Select(e => e.Seq));
        Assert.Equal(["Idle>CitizenPresent staff-press", "Identified>Error connection-failed", "Error>Idle timeout"], first.Select(Step));
        Assert.Equal(ReceptionMessages.JournalFailed, first[1].Detail);

        rig.Journal.FailWhen = null;
        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.CitizenPresent);
        Assert.Equal(2, rig.Journal.Events.Select(e => e.SessionId).Distinct().Count());
    }

    [Fact]
    public async Task A_session_left_open_by_a_kill_is_closed_as_interrupted_at_start_and_its_media_stopped()
    {
        await using var rig = new ReceptionRig();
        rig.Journal.OpenTail = new ReceptionEvent("20261123T075500Z-14-04171-ab12", 4, ReceptionRig.KioskId, 1_795_420_500_000, "Connecting", "Live", ReceptionTriggers.Connected, CaseKind: CaseKinds.Feedback);

        await rig.StartAsync();

        var closing = Assert.Single(rig.Journal.Events);
        Assert.Equal("20261123T075500Z-14-04171-ab12", closing.SessionId);
        Assert.Equal(5, closing.Seq);
        Assert.Equal("Live>Idle interrupted", Step(closing));
        Assert.Equal(SessionOutcomes.Interrupted, closing.Outcome);
        Assert.Equal(CaseKinds.Feedback, closing.CaseKind);
        Assert.Equal(rig.NowMs, closing.AtMs);
        Assert.Equal(1, rig.Media!.Stops);
        Assert.Equal(ReceptionState.Idle, rig.Flow.State);
        Assert.Null(rig.Flow.SessionId);

        // And the kiosk takes the next citizen under a new session id.
        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.CitizenPresent);
        Assert.NotEqual(closing.SessionId, rig.Flow.SessionId);
        Assert.Equal(1, rig.Journal.Events[^1].Seq);
    }

    [Fact]
    public async Task An_input_that_throws_is_shown_as_an_error_and_the_loop_serves_the_next_citizen()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();
        await rig.DriveTo(ReceptionState.Connecting);

        rig.Media!.BreakStatus = true;
        rig.Advance(rig.Options.LiveCheckIntervalMs);
        await rig.WaitFor(ReceptionState.Error);
        Assert.Equal(ReceptionMessages.InternalError, rig.Flow.CurrentView.Message);
        rig.Media.BreakStatus = false;
        rig.AdvanceSeconds(rig.Options.ErrorDisplaySeconds);
        await rig.WaitFor(ReceptionState.Idle);

        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.CitizenPresent);
        var sessions = rig.Journal.Events.GroupBy(e => e.SessionId).ToList();
        Assert.Equal(2, sessions.Count);
        Assert.Equal(SessionOutcomes.Failed, sessions[0].Last().Outcome);
        Assert.Equal(ReceptionMessages.InternalError, sessions[0].Single(e => e.To == "Error").Detail);
    }

    [Fact]
    public async Task A_throwing_presenter_does_not_stop_the_flow()
    {
        var rig = new ReceptionRig();
        await using var _ = rig;
        var flow = new ReceptionCoordinator(rig.Options, ReceptionRig.KioskId, rig.Journal, rig.Feed, [new ThrowingPresenter(), rig.Presenter], rig.Time, null, rig.Media);
        await flow.StartAsync(CancellationToken.None);
        try
        {
            await flow.Ready.WaitAsync(TimeSpan.FromSeconds(10));
            rig.Signal(CardSignalKind.QrScanned, ScriptedCardReader.Qr);
            await ReceptionRig.Until(() => flow.State == ReceptionState.Identified, "identified from the QR");
            Assert.Contains(rig.Presenter.Views, v => v.State == ReceptionState.Identified);
        }
        finally
        {
            await flow.StopAsync(CancellationToken.None);
            flow.Dispose();
        }
    }

    private sealed class ThrowingPresenter : IReceptionPresenter
    {
        public void Present(ReceptionView view) => throw new InvalidOperationException("display unplugged (test)");
    }
}
