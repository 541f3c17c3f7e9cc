namespace TiepCongDan.Edge.Controls;

/// <summary>One debounced event of the panel. <see cref="At"/> is when it happened at the contact (a press: its first edge), not when debouncing finished.</summary>
public readonly record struct ButtonEvent(ButtonRole Role, ButtonEventKind Kind, DateTimeOffset At);
