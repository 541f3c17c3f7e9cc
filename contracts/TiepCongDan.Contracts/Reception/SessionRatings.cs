namespace TiepCongDan.Contracts.Reception;

/// <summary>The four answers of the satisfaction rating (buttons 1-4), as stored and sent.</summary>
public static class SessionRatings
{
    public const string VerySatisfied = "very-satisfied";

    public const string Satisfied = "satisfied";

    public const string Neutral = "neutral";

    public const string Dissatisfied = "dissatisfied";

    public static IReadOnlyList<string> All { get; } = [VerySatisfied, Satisfied, Neutral, Dissatisfied];

    public static bool IsValid(string? rating) => rating is VerySatisfied or Satisfied or Neutral or Dissatisfied;

    /// <summary>The Vietnamese words a person reads.</summary>
    public static string VietnameseName(string? rating) => rating switch
    {
        VerySatisfied => "Rất hài lòng",
        Satisfied => "Hài lòng",
        Neutral => "Bình thường",
        Dissatisfied => "Không hài lòng",
        _ => "Không đánh giá",
    };
}
