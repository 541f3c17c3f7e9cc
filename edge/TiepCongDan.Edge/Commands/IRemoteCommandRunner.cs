using TiepCongDan.Contracts.Commands;

namespace TiepCongDan.Edge.Commands;

/// <summary>What the Sparkplug node hands remote commands to, and how it reports the ones it runs itself.</summary>
public interface IRemoteCommandRunner
{
    /// <summary>True for the Node Control metrics this runner executes.</summary>
    bool Handles(string metricName);

    /// <summary>Starts the command in the background (one at a time) and reports its outcome under <paramref name="commandId"/> when not null.</summary>
    void Start(string metricName, string? commandId, CancellationToken cancellationToken);

    /// <summary>Sends an outcome to the hub (a few tries); never throws.</summary>
    Task ReportAsync(string commandId, CommandOutcome outcome, CancellationToken cancellationToken);
}
