namespace TiepCongDan.Edge.Controls;

/// <summary>A role's key in a pin map file and its name as a technician or the hub's dashboard reads it.</summary>
public static class ButtonRoleNames
{
    public static IReadOnlyList<ButtonRole> All { get; } =
        [ButtonRole.Staff, ButtonRole.VerySatisfied, ButtonRole.Satisfied, ButtonRole.Neutral, ButtonRole.Dissatisfied];

    /// <summary>The JSON key in firmware-config/boards/*.json, e.g. "staff", "verySatisfied".</summary>
    public static string Key(ButtonRole role) => role switch
    {
        ButtonRole.Staff => "staff",
        ButtonRole.VerySatisfied => "verySatisfied",
        ButtonRole.Satisfied => "satisfied",
        ButtonRole.Neutral => "neutral",
        ButtonRole.Dissatisfied => "dissatisfied",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown button role."),
    };

    /// <summary>Vietnamese, as shown in health reasons: "Nút của cán bộ", "Nút Rất hài lòng", ...</summary>
    public static string Vietnamese(ButtonRole role) => role switch
    {
        ButtonRole.Staff => "Nút của cán bộ",
        ButtonRole.VerySatisfied => "Nút Rất hài lòng",
        ButtonRole.Satisfied => "Nút Hài lòng",
        ButtonRole.Neutral => "Nút Bình thường",
        ButtonRole.Dissatisfied => "Nút Không hài lòng",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown button role."),
    };
}
