using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Simulator;

/// <summary>One simulated kiosk: its node, its connection task, and a flag so a slow sample is never doubled up.</summary>
internal sealed class SimulatedKiosk(EdgeNode node)
{
    private int _sampling;

    public EdgeNode Node { get; } = node;

    public Task? Connection { get; set; }

    public void TriggerSample(CancellationToken cancellationToken)
    {
        if (Connection is null || Interlocked.Exchange(ref _sampling, 1) == 1)
        {
            return;
        }

        _ = SampleAsync(cancellationToken);
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Node.SampleAsync(cancellationToken);
        }
        catch (Exception)
        {
            // A failed sample is retried next interval; the node logs publish failures itself.
        }
        finally
        {
            Volatile.Write(ref _sampling, 0);
        }
    }
}
