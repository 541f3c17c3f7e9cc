namespace TiepCongDan.Edge.Controls;

/// <summary>What a button did, after debouncing.</summary>
public enum ButtonEventKind
{
    /// <summary>The contact closed and stayed closed for the debounce time.</summary>
    Press,

    /// <summary>The contact opened again (also after a long press or a stuck period).</summary>
    Release,

    /// <summary>A press released before the long-press time: "start" or "confirm".</summary>
    Click,

    /// <summary>Held for the long-press time (raised while still held, once per press; no Click follows).</summary>
    LongPress,

    /// <summary>Held past the stuck timeout: a health alarm; the button is silent until released.</summary>
    Stuck,

    /// <summary>A stuck button was released and works again.</summary>
    Recovered,
}
