namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// One part of the kiosk's self-test. A check answers with an outcome; it may throw, and the runner
/// turns an exception or an overrun of <see cref="Timeout"/> into a failure naming the part.
/// </summary>
public interface ISelfTestCheck
{
    /// <summary>One of <see cref="Contracts.SelfTest.SelfTestCheckIds"/>.</summary>
    string Id { get; }

    /// <summary>The longest the check may take, waits for the technician included.</summary>
    TimeSpan Timeout { get; }

    /// <summary>What the technician does when the check cannot finish (it threw or overran), in Vietnamese and English.</summary>
    (string Vietnamese, string English) Advice { get; }

    Task<SelfTestOutcome> RunAsync(CancellationToken cancellationToken);
}
