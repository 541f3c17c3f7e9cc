namespace TiepCongDan.Edge.Controls;

/// <summary>What the kiosk's status light says (the patterns are in <see cref="LedPatterns"/>).</summary>
public enum StatusLedMode
{
    Off,

    /// <summary>Waiting for a citizen: one short blink every 3 s.</summary>
    Idle,

    /// <summary>Citizen identified, ready to call: steady on.</summary>
    Ready,

    /// <summary>Calling the reception room: fast blink.</summary>
    Connecting,

    /// <summary>In a session: on, with a short dark blink every 2 s (and the live light steady on).</summary>
    Live,

    /// <summary>Something needs a technician: double blink.</summary>
    Error,
}
