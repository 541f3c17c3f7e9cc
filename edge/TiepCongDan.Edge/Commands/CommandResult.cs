using TiepCongDan.Contracts.Commands;

namespace TiepCongDan.Edge.Commands;

/// <summary>How a remote command ended on the kiosk: its state (<see cref="CommandStates"/>), the operator's sentence and a file, if any.</summary>
public sealed record CommandResult(string State, string Message, CommandArtifact? Artifact = null)
{
    public static CommandResult Done(string message, CommandArtifact? artifact = null) => new(CommandStates.Done, message, artifact);

    public static CommandResult Failed(string message) => new(CommandStates.Failed, message);

    public static CommandResult Refused(string message) => new(CommandStates.Refused, message);
}
