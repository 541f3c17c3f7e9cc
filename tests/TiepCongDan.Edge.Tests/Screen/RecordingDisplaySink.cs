using System.Collections.Concurrent;
using TiepCongDan.Edge.Screen;

namespace TiepCongDan.Edge.Tests.Screen;

/// <summary>The display below our code: remembers every switch, and fails on demand like a missing wlr-randr.</summary>
internal sealed class RecordingDisplaySink : IDisplayPowerSink
{
    public ConcurrentQueue<bool> Switches { get; } = new();

    public string? FailWith { get; set; }

    public void SetPower(bool on)
    {
        if (FailWith is { } message)
        {
            throw new DisplayPowerException(message);
        }

        Switches.Enqueue(on);
    }
}
