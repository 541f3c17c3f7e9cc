using System.Collections.Concurrent;
using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Tests.Infrastructure;

/// <summary>Records Node Control calls instead of rebooting the test machine.</summary>
internal sealed class RecordingNodeControl : INodeControl
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task RebootAsync(CancellationToken cancellationToken)
    {
        Calls.Enqueue("reboot");
        return Task.CompletedTask;
    }

    public Task RestartServiceAsync(CancellationToken cancellationToken)
    {
        Calls.Enqueue("restart");
        return Task.CompletedTask;
    }
}
