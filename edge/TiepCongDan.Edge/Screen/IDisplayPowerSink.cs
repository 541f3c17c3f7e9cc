namespace TiepCongDan.Edge.Screen;

/// <summary>
/// The lowest layer of display power: switches the physical display. Called by
/// <see cref="DisplayPower"/> from one thread at a time, off the caller's thread; may block for a
/// few seconds (it runs a program).
/// </summary>
public interface IDisplayPowerSink
{
    /// <exception cref="DisplayPowerException">The display could not be switched; the message says why and what to install.</exception>
    void SetPower(bool on);
}
