namespace TiepCongDan.Edge.Controls;

/// <summary>What a <see cref="ButtonPanel"/> is built from: the wiring and how the buttons and lights behave electrically and in time.</summary>
public sealed record ButtonPanelSettings(BoardPinMap PinMap, ButtonTimings Timings, bool ActiveLow = true, bool LedActiveLow = false);
