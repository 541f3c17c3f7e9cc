namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>Polls a condition until it holds or a deadline passes; the timeout message says what was awaited.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T>> probe, Func<T, bool> done, TimeSpan timeout,
        string waitingFor, Func<string>? diagnostics = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var last = default(T);
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await probe(cts.Token);
                lastError = null;
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException
                                       || (ex is OperationCanceledException && !cts.IsCancellationRequested))
            {
                lastError = ex;
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
            }

            if (cts.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException(
                    $"Timed out after {timeout.TotalSeconds:0.#} s waiting for {waitingFor}. Last value: {last?.ToString() ?? "(none)"}"
                    + (lastError is null ? string.Empty : $"; last error: {lastError.Message}")
                    + (diagnostics is null ? string.Empty : "\n" + diagnostics()));
            }

            try
            {
                await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100), cts.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    public static Task UntilAsync(Func<CancellationToken, Task<bool>> condition, TimeSpan timeout, string waitingFor,
        Func<string>? diagnostics = null, TimeSpan? interval = null, CancellationToken cancellationToken = default) =>
        UntilAsync(condition, ok => ok, timeout, waitingFor, diagnostics, interval, cancellationToken);
}
