namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// The last lines a child process wrote, kept so a failing test can say what the program said
/// without holding megabytes of logs. Thread-safe: stdout and stderr append from their own threads.
/// </summary>
public sealed class OutputRingBuffer(int capacity = 400)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];

    public void Append(string line)
    {
        List<TaskCompletionSource<string>>? matched = null;
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    (matched ??= []).Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Completed outside the lock so continuations never run while we hold it.
        matched?.ForEach(done => done.TrySetResult(line));
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public override string ToString() => string.Join('\n', Lines);

    /// <summary>Completes with the first line (already seen or future) that matches.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        lock (_gate)
        {
            foreach (var line in _lines)
            {
                if (match(line))
                {
                    return Task.FromResult(line);
                }
            }

            var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task;
        }
    }
}
