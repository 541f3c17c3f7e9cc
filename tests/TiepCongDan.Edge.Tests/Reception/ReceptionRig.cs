using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Controls.Simulation;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Tests.Reception;

/// <summary>
/// The whole flow in fake time: a real <see cref="ButtonPanel"/> on the simulated GPIO chip, the
/// card signal feed, a recording journal, a media double, a scripted chip reader and a recording
/// presenter. Presses go through the panel's debounce exactly as on a kiosk.
/// </summary>
internal sealed class ReceptionRig : IAsyncDisposable
{
    public const string KioskId = "14-04171";
    public const string Staff = "Lò Văn Tâm";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public ReceptionRig(bool withReader = true, bool withMedia = true, bool withPanel = true, Action<EdgeReceptionOptions>? configure = null)
    {
        configure?.Invoke(Options);
        Reader = withReader ? new ScriptedCardReader() : null;
        Media = withMedia ? new FakeMediaNode() : null;
        Panel = withPanel
            ? new ButtonPanel(new ButtonPanelSettings(BoardPinMap.Simulated, ButtonTimings.Default), new GpioController(Driver), shouldDispose: true, Time, NullLogger<ButtonPanel>.Instance)
            : null;
        Flow = new ReceptionCoordinator(Options, KioskId, Journal, Feed, [Presenter], Time, NullLogger<ReceptionCoordinator>.Instance, Media, Reader, Panel);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public EdgeReceptionOptions Options { get; } = new() { Staff = ReceptionRig.Staff };

    public SimulatedGpioDriver Driver { get; } = new();

    public ButtonPanel? Panel { get; }

    public CardSignalFeed Feed { get; } = new();

    public RecordingReceptionJournal Journal { get; } = new();

    public FakeMediaNode? Media { get; }

    public ScriptedCardReader? Reader { get; }

    public RecordingPresenter Presenter { get; } = new();

    public ReceptionCoordinator Flow { get; }

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task StartAsync()
    {
        await Flow.StartAsync(CancellationToken.None);
        await Flow.Ready.WaitAsync(Patience);
    }

    public void Advance(int milliseconds) => Time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    public void AdvanceSeconds(int seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>A short press (150 ms) and release; returns when the press began (the event's time).</summary>
    public DateTimeOffset Click(ButtonRole role)
    {
        var at = Time.GetUtcNow();
        Driver.Press(BoardPinMap.Simulated.PinOf(role));
        Advance(150);
        Driver.Release(BoardPinMap.Simulated.PinOf(role));
        Advance(50);
        return at;
    }

    /// <summary>Held past the long-press time (3 s), then released.</summary>
    public void Hold(ButtonRole role)
    {
        Driver.Press(BoardPinMap.Simulated.PinOf(role));
        Advance(3100);
        Driver.Release(BoardPinMap.Simulated.PinOf(role));
        Advance(50);
    }

    public DateTimeOffset Signal(CardSignalKind kind, string? text = null)
    {
        var at = Time.GetUtcNow();
        Feed.Publish(new CardSignal(kind, at, text));
        return at;
    }

    public Task WaitFor(ReceptionState state) => Until(() => Flow.State == state, $"the flow in {state} (it is in {Flow.State})");

    /// <summary>Waits (real time) until the flow, which runs on its own thread, has done what the test expects.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Drives a fresh session into <paramref name="state"/> by the staff button (Error: by a refused media start).</summary>
    public async Task DriveTo(ReceptionState state)
    {
        if (state == ReceptionState.Idle)
        {
            return;
        }

        Click(ButtonRole.Staff);
        await WaitFor(ReceptionState.CitizenPresent);
        if (state == ReceptionState.CitizenPresent)
        {
            return;
        }

        Click(ButtonRole.Staff);
        await WaitFor(ReceptionState.Identified);
        if (state == ReceptionState.Identified)
        {
            return;
        }

        if (state == ReceptionState.Error)
        {
            Media!.RefuseStart = new InvalidOperationException("camera unplugged (test)");
            Click(ButtonRole.Staff);
            await WaitFor(ReceptionState.Error);
            Media.RefuseStart = null;
            return;
        }

        Media!.AutoConnect = state != ReceptionState.Connecting;
        Click(ButtonRole.Staff);
        await WaitFor(state == ReceptionState.Connecting ? ReceptionState.Connecting : ReceptionState.Live);
        if (state is ReceptionState.Connecting or ReceptionState.Live)
        {
            return;
        }

        if (state == ReceptionState.Ending)
        {
            Media.StopGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        Hold(ButtonRole.Staff);
        await WaitFor(state);
    }

    /// <summary>The one session's events (asserts there is exactly one session).</summary>
    public IReadOnlyList<ReceptionEvent> OnlySession()
    {
        var events = Journal.Events;
        Assert.Single(events.Select(e => e.SessionId).Distinct());
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        Media?.StopGate?.TrySetResult();
        await Flow.StopAsync(CancellationToken.None);
        Flow.Dispose();
        Panel?.Dispose();
    }
}
