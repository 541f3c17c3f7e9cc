namespace TiepCongDan.Edge.Controls;

/// <summary>One debounced event of a single button (the panel adds the role).</summary>
public sealed class ButtonChangedEventArgs(ButtonEventKind kind, DateTimeOffset at) : EventArgs
{
    public ButtonEventKind Kind { get; } = kind;

    /// <summary>When it happened at the contact (a press: its first edge).</summary>
    public DateTimeOffset At { get; } = at;
}
