namespace TiepCongDan.Edge.Screen;

/// <summary>Edge:Screen:DisplayPower "none": a development machine or a screen that sleeps by itself. Switches nothing; <see cref="DisplayPower"/> still logs what it would do.</summary>
internal sealed class LoggingDisplayPowerSink : IDisplayPowerSink
{
    public void SetPower(bool on)
    {
    }
}
