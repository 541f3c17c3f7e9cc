namespace TiepCongDan.Contracts.Commands;

/// <summary>
/// What the kiosk reports for a command: <see cref="State"/> is one of <see cref="CommandStates.Done"/>,
/// <see cref="CommandStates.Failed"/>, <see cref="CommandStates.Refused"/> or
/// <see cref="CommandStates.Accepted"/> (a restart or reboot acknowledged before it happens);
/// <see cref="Message"/> a sentence for the operator (Vietnamese).
/// </summary>
public sealed record CommandOutcome(string State, string? Message);
