using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Controls.Simulation;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Reception.Presenters;
using TiepCongDan.Edge.Screen;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Tests.Reception;

public sealed class ReceptionPresenters_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-presenters-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_page_shows_the_state_with_the_name_the_error_sentence_and_the_countdown()
    {
        await using var screen = new KioskScreenServer(Microsoft.Extensions.Options.Options.Create(new EdgeScreenOptions()));
        var presenter = new ScreenReceptionPresenter(screen);

        presenter.Present(new ReceptionView(ReceptionState.Identified, "s", ScriptedCardReader.FullName));
        Assert.Equal(ReceptionState.Identified, screen.Current.State);
        Assert.Equal(ScriptedCardReader.FullName, screen.Current.CitizenName);
        Assert.Equal(KioskScreenTexts.Instruction(ReceptionState.Identified, KioskScreenLanguages.Vietnamese), screen.Current.Instruction);

        presenter.Present(new ReceptionView(ReceptionState.Error, "s", Message: "Không đọc được thẻ: hãy thử lại.", CountdownSeconds: 10));
        Assert.Equal("Không đọc được thẻ: hãy thử lại.", screen.Current.ErrorMessage);
        Assert.Equal(10, screen.Current.CountdownSeconds);
        Assert.Null(screen.Current.CitizenName);
    }

    [Theory]
    [InlineData(ReceptionState.Idle, StatusLedMode.Idle)]
    [InlineData(ReceptionState.CitizenPresent, StatusLedMode.Ready)]
    [InlineData(ReceptionState.Identified, StatusLedMode.Ready)]
    [InlineData(ReceptionState.Connecting, StatusLedMode.Connecting)]
    [InlineData(ReceptionState.Live, StatusLedMode.Live)]
    [InlineData(ReceptionState.Ending, StatusLedMode.Connecting)]
    [InlineData(ReceptionState.Rating, StatusLedMode.Ready)]
    [InlineData(ReceptionState.Error, StatusLedMode.Error)]
    public void The_lights_follow_the_state(ReceptionState state, StatusLedMode mode)
    {
        var time = new FakeTimeProvider();
        using var panel = new ButtonPanel(new ButtonPanelSettings(BoardPinMap.Simulated, ButtonTimings.Default), new GpioController(new SimulatedGpioDriver()), shouldDispose: true, time, NullLogger<ButtonPanel>.Instance);

        new LedReceptionPresenter(panel).Present(new ReceptionView(state));

        Assert.Equal(mode, panel.Status);
    }

    [Fact]
    public async Task The_voice_is_quiet_for_the_first_idle_then_says_each_state_or_the_views_prompt_and_knows_when_live()
    {
        var options = new EdgeVoiceOptions { Enabled = false, CacheDirectory = Path.Combine(_dir, "cache") };
        using var renderer = new VoicePromptRenderer(options);
        await using var player = new VoicePlayer(options, renderer, new WavFileVoiceOutput(_dir));
        var presenter = new VoiceReceptionPresenter(player);

        presenter.Present(new ReceptionView(ReceptionState.Idle));
        Assert.Null(player.LastPrompt);

        presenter.Present(new ReceptionView(ReceptionState.Identified));
        Assert.Equal(VoicePromptId.Identified, player.LastPrompt);
        Assert.False(player.IsLive);

        presenter.Present(new ReceptionView(ReceptionState.Live));
        Assert.True(player.IsLive);
        presenter.Present(new ReceptionView(ReceptionState.Live, Prompt: VoicePromptId.LinkLost));
        Assert.Equal(VoicePromptId.LinkLost, player.LastPrompt);

        presenter.Present(new ReceptionView(ReceptionState.Idle, Prompt: VoicePromptId.RatingThanks));
        Assert.False(player.IsLive);
        Assert.Equal(VoicePromptId.RatingThanks, player.LastPrompt);
        presenter.Present(new ReceptionView(ReceptionState.Idle));
        Assert.Equal(VoicePromptId.Idle, player.LastPrompt);
    }
}
