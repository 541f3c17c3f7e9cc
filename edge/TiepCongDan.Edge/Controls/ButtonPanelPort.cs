using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Devices;

namespace TiepCongDan.Edge.Controls;

/// <summary>
/// The button-panel device: faulty while a button is stuck (the reason names it in Vietnamese,
/// e.g. "Nút của cán bộ bị kẹt"), present otherwise. Computed on each read from the buttons'
/// thread-safe state, so it can never lag behind them.
/// </summary>
internal sealed class ButtonPanelPort(ButtonPanel panel) : IDevicePort
{
    public string Kind => DeviceKinds.ButtonPanel;

    public DeviceReading Current
    {
        get
        {
            var stuck = panel.StuckButtons();
            if (stuck.Count == 0)
            {
                return DeviceReading.Present;
            }

            var seconds = (int)panel.Settings.Timings.StuckAfter.TotalSeconds;
            var reason = string.Join("; ", stuck.Select(r => $"{ButtonRoleNames.Vietnamese(r)} bị kẹt (giữ liên tục hơn {seconds} giây)"));
            return new DeviceReading(DeviceStatus.Faulty, reason);
        }
    }

    public IReadOnlyDictionary<string, SparkplugValue> Metrics
    {
        get
        {
            var buttons = panel.Buttons.Values;
            return new Dictionary<string, SparkplugValue>(StringComparer.Ordinal)
            {
                [ButtonPanelMetrics.Board] = SparkplugValue.Of(panel.Settings.PinMap.Board),
                [ButtonPanelMetrics.StuckButtons] = SparkplugValue.Of(string.Join(",", panel.StuckButtons().Select(ButtonRoleNames.Key))),
                [ButtonPanelMetrics.Presses] = SparkplugValue.OfUInt64((ulong)buttons.Sum(b => b.PressCount)),
                [ButtonPanelMetrics.LongPresses] = SparkplugValue.OfUInt64((ulong)buttons.Sum(b => b.LongPressCount)),
                [ButtonPanelMetrics.BounceEdges] = SparkplugValue.OfUInt64((ulong)buttons.Sum(b => b.BounceEdgeCount)),
                [ButtonPanelMetrics.StatusLight] = SparkplugValue.Of(LedPatterns.For(panel.Status).Name),
            };
        }
    }
}
