namespace TiepCongDan.Contracts.Reception;

/// <summary>How a reception session ended (the closing event's outcome).</summary>
public static class SessionOutcomes
{
    /// <summary>Went live and ended normally (rated or not).</summary>
    public const string Completed = "completed";

    /// <summary>Cancelled by staff or by the card being taken away before going live.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Nobody acted in time before going live.</summary>
    public const string TimedOut = "timed-out";

    /// <summary>Could not identify the citizen or could not connect.</summary>
    public const string Failed = "failed";

    /// <summary>The edge restarted mid-session; closed on the next start.</summary>
    public const string Interrupted = "interrupted";

    public static bool IsValid(string? outcome) => outcome is Completed or Cancelled or TimedOut or Failed or Interrupted;
}
