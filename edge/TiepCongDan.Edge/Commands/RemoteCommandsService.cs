using Microsoft.Extensions.Hosting;
using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Commands;

/// <summary>Hands the node its <see cref="RemoteCommandRunner"/> at start (before the node connects).</summary>
internal sealed class RemoteCommandsService(EdgeNode node, RemoteCommandRunner runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        node.RemoteCommands = runner;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
