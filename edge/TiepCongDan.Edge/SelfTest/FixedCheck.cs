namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// A part whose outcome is known before anything runs: skipped (this kiosk does not have or use it)
/// or failed (its driver could not even be opened, e.g. GPIO lines held by another process).
/// </summary>
public sealed class FixedCheck(string id, Func<SelfTestOutcome> outcome) : ISelfTestCheck
{
    public string Id { get; } = id;

    public TimeSpan Timeout => TimeSpan.FromSeconds(1);

    public (string Vietnamese, string English) Advice => (string.Empty, string.Empty);

    public static FixedCheck Skipped(string id, string reason, string reasonEn) => new(id, () => SelfTestOutcome.Skip(reason, reasonEn));

    public Task<SelfTestOutcome> RunAsync(CancellationToken cancellationToken) => Task.FromResult(outcome());
}
