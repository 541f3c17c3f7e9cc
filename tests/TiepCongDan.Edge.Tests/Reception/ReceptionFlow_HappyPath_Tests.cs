using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Flow;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Tests.Reception;

public sealed class ReceptionFlow_HappyPath_Tests
{
    private static string Step(ReceptionEvent e) => $"{e.From}>{e.To} {e.Trigger}";

    [Fact]
    public async Task A_citizen_with_a_card_goes_idle_to_live_to_rating_and_back_with_every_transition_journaled()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();

        var cardAt = rig.Signal(CardSignalKind.CardInserted);
        await rig.WaitFor(ReceptionState.CitizenPresent);
        rig.Advance(1500);
        rig.Signal(CardSignalKind.QrScanned, ScriptedCardReader.Qr);
        await rig.WaitFor(ReceptionState.Identified);
        Assert.Equal(ScriptedCardReader.FullName, rig.Flow.CurrentView.CitizenName);
        rig.AdvanceSeconds(5);
        rig.Click(ButtonRole.VerySatisfied);
        await rig.WaitFor(ReceptionState.Live);
        var sessionId = rig.Flow.SessionId;
        rig.AdvanceSeconds(60);
        rig.Hold(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.Rating);
        rig.AdvanceSeconds(3);
        rig.Click(ButtonRole.VerySatisfied);
        await rig.WaitFor(ReceptionState.Idle);

        var events = rig.OnlySession();
        Assert.Equal(
            [
                "Idle>CitizenPresent card-presented",
                "CitizenPresent>Identified identified",
                "Identified>Connecting case-kind-chosen",
                "Connecting>Live connected",
                "Live>Ending staff-long-press",
                "Ending>Rating ended",
                "Rating>Idle rated",
            ],
            events.Select(Step));
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Seq));
        Assert.All(events, e => Assert.Equal(ReceptionRig.KioskId, e.KioskId));
        Assert.Equal(sessionId, events[0].SessionId);
        Assert.True(MediaSessionId.IsValid(sessionId));
        Assert.Contains(ReceptionRig.KioskId, sessionId, StringComparison.Ordinal);
        Assert.Equal([sessionId], rig.Media!.Starts);
        Assert.True(rig.Media.Stops >= 1);
        Assert.Null(rig.Flow.SessionId);

        Assert.Equal(ReceptionRig.Staff, events[0].Staff);
        Assert.All(events.Skip(1), e => Assert.Null(e.Staff));

        var citizen = Assert.Single(events, e => e.Citizen is not null).Citizen!;
        Assert.Equal("Identified", events.Single(e => e.Citizen is not null).To);
        Assert.Equal(ScriptedCardReader.IdNumber, citizen.IdNumber);
        Assert.Equal(ScriptedCardReader.FullName, citizen.FullName);
        Assert.Equal("1990-03-15", citizen.DateOfBirth);
        Assert.Equal("Nữ", citizen.Sex);
        Assert.Equal("chip", citizen.Source);
        Assert.Equal("valid", citizen.Authenticity);

        Assert.All(events.Take(2), e => Assert.Null(e.CaseKind));
        Assert.All(events.Skip(2), e => Assert.Equal(CaseKinds.Complaint, e.CaseKind));
        Assert.Equal(SessionRatings.VerySatisfied, events[^1].Rating);
        Assert.Equal(SessionOutcomes.Completed, events[^1].Outcome);
        Assert.All(events.SkipLast(1), e => Assert.Null(e.Outcome));

        var live = events[3];
        Assert.Equal(live.AtMs - cardAt.ToUnixTimeMilliseconds(), live.CardToLiveMs);
        Assert.True(live.CardToLiveMs >= 6500, $"card to live {live.CardToLiveMs} ms");
        Assert.Null(live.ButtonToLiveMs);
        Assert.All(events.Where(e => e != live), e => Assert.True(e.CardToLiveMs is null && e.ButtonToLiveMs is null));
        Assert.Equal(1, rig.Reader!.Reads);

        // The citizen is thanked for the rating, not greeted again.
        Assert.Equal(VoicePromptId.RatingThanks, rig.Presenter.Views[^1].Prompt);
        Assert.Equal(ReceptionState.Idle, rig.Presenter.Views[^1].State);
    }

    [Fact]
    public async Task A_citizen_without_a_card_is_taken_through_by_the_staff_button_and_the_button_to_live_time_is_from_the_confirming_press()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();

        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.CitizenPresent);
        rig.AdvanceSeconds(4);
        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.Identified);
        Assert.Equal(ReceptionMessages.UnidentifiedCitizen, rig.Flow.CurrentView.CitizenName);
        rig.AdvanceSeconds(7);
        var confirmAt = rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.Live);
        rig.AdvanceSeconds(30);
        rig.Media!.EndFromHub();
        rig.Advance(300);
        await rig.WaitFor(ReceptionState.Rating);
        rig.Click(ButtonRole.Staff);
        await rig.WaitFor(ReceptionState.Idle);

        var events = rig.OnlySession();
        Assert.Equal(
            [
                "Idle>CitizenPresent staff-press",
                "CitizenPresent>Identified staff-press",
                "Identified>Connecting staff-press",
                "Connecting>Live connected",
                "Live>Ending remote-end",
                "Ending>Rating ended",
                "Rating>Idle staff-press",
            ],
            events.Select(Step));
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Seq));
        Assert.All(events, e => Assert.Null(e.Citizen));
        Assert.All(events, e => Assert.Null(e.CaseKind));
        var live = events[3];
        Assert.Null(live.CardToLiveMs);
        Assert.Equal(live.AtMs - confirmAt.ToUnixTimeMilliseconds(), live.ButtonToLiveMs);
        Assert.Equal(SessionOutcomes.Completed, events[^1].Outcome);
        Assert.Null(events[^1].Rating);
    }

    [Fact]
    public async Task Without_a_chip_reader_the_front_QR_alone_identifies_the_citizen_as_source_qr()
    {
        await using var rig = new ReceptionRig(withReader: false);
        await rig.StartAsync();

        var qrAt = rig.Signal(CardSignalKind.QrScanned, ScriptedCardReader.Qr);
        await rig.WaitFor(ReceptionState.Identified);
        rig.Click(ButtonRole.Neutral);
        await rig.WaitFor(ReceptionState.Live);

        var events = rig.OnlySession();
        Assert.Equal(ReceptionTriggers.QrPresented, events[0].Trigger);
        var citizen = events[1].Citizen!;
        Assert.Equal("qr", citizen.Source);
        Assert.Equal("not-checked", citizen.Authenticity);
        Assert.Equal(ScriptedCardReader.IdNumber, citizen.IdNumber);
        Assert.Equal(CaseKinds.Petition, events[2].CaseKind);
        Assert.Equal(events[3].AtMs - qrAt.ToUnixTimeMilliseconds(), events[3].CardToLiveMs);
    }

    [Fact]
    public async Task A_QR_that_is_not_a_citizen_card_is_spoken_about_and_opens_no_session()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();

        rig.Signal(CardSignalKind.QrScanned, "https://example.com/menu");
        await ReceptionRig.Until(() => rig.Presenter.Views.Any(v => v.Prompt == VoicePromptId.WrongQr), "the wrong-QR prompt");

        Assert.Equal(ReceptionState.Idle, rig.Flow.State);
        Assert.Empty(rig.Journal.Events);
        Assert.Equal(ReceptionMessages.WrongCode, rig.Presenter.Views[^1].Message);
    }

    [Fact]
    public async Task The_uplink_dropping_while_live_is_spoken_once_and_the_session_stays_live_until_it_is_back()
    {
        await using var rig = new ReceptionRig();
        await rig.StartAsync();
        await rig.DriveTo(ReceptionState.Live);

        rig.Media!.SetUplink("down");
        for (var i = 0; i < 8; i++)
        {
            rig.Advance(250);
        }

        await ReceptionRig.Until(() => rig.Presenter.Views.Any(v => v.Prompt == VoicePromptId.LinkLost), "the link-lost prompt");
        rig.Media.SetUplink("connected");
        rig.Advance(250);
        await ReceptionRig.Until(() => rig.Presenter.Views[^1].Prompt == VoicePromptId.Live, "the connected prompt again");

        Assert.Equal(ReceptionState.Live, rig.Flow.State);
        Assert.Single(rig.Presenter.Views, v => v.Prompt == VoicePromptId.LinkLost);
        Assert.Equal("Connecting>Live connected", Step(rig.Journal.Events[^1]));
    }
}
