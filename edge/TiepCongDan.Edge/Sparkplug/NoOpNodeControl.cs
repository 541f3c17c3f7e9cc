namespace TiepCongDan.Edge.Sparkplug;

/// <summary>Ignores reboot and restart: simulated kiosks have nothing to reboot.</summary>
public sealed class NoOpNodeControl : INodeControl
{
    public static NoOpNodeControl Instance { get; } = new();

    public Task RebootAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RestartServiceAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
