namespace TiepCongDan.Edge.Controls;

/// <summary>The buttons of a kiosk's panel: the staff member's one button and the citizen's four ratings.</summary>
public enum ButtonRole
{
    /// <summary>Short press starts or confirms; a long press (3 s) ends the session.</summary>
    Staff,
    VerySatisfied,
    Satisfied,
    Neutral,
    Dissatisfied,
}
