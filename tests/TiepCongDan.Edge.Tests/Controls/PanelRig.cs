using System.Device.Gpio;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Controls.Simulation;

namespace TiepCongDan.Edge.Tests.Controls;

/// <summary>A whole <see cref="ButtonPanel"/> on the simulated chip in fake time; presses by role.</summary>
internal sealed class PanelRig : IDisposable
{
    public PanelRig(BoardPinMap? map = null)
    {
        Map = map ?? BoardPinMap.Simulated;
        Panel = new ButtonPanel(new ButtonPanelSettings(Map, ButtonTimings.Default), new GpioController(Driver), shouldDispose: true, Time, NullLogger<ButtonPanel>.Instance);
        Panel.ButtonChanged += (_, e) => Events.Add(e);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public SimulatedGpioDriver Driver { get; } = new();

    public BoardPinMap Map { get; }

    public ButtonPanel Panel { get; }

    public List<ButtonEvent> Events { get; } = [];

    public void Press(ButtonRole role) => Driver.Press(Map.PinOf(role));

    public void Release(ButtonRole role) => Driver.Release(Map.PinOf(role));

    public void Click(ButtonRole role)
    {
        Press(role);
        Advance(150);
        Release(role);
        Advance(50);
    }

    public void Advance(int milliseconds) => Time.Advance(TimeSpan.FromMilliseconds(milliseconds));

    public void Dispose() => Panel.Dispose();
}
