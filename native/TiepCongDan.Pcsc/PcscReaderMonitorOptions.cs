namespace TiepCongDan.Pcsc;

/// <summary>How <see cref="PcscReaderMonitor"/> retries when pcscd is gone.</summary>
public sealed class PcscReaderMonitorOptions
{
    /// <summary>First wait before reconnecting to pcscd; doubled after each failure.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between reconnection attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    public void Validate()
    {
        if (InitialRetryDelay <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(InitialRetryDelay)} must be positive, not {InitialRetryDelay}.");
        }

        if (MaxRetryDelay < InitialRetryDelay)
        {
            throw new ArgumentException($"{nameof(MaxRetryDelay)} ({MaxRetryDelay}) must not be shorter than {nameof(InitialRetryDelay)} ({InitialRetryDelay}).");
        }
    }
}
