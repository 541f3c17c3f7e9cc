namespace TiepCongDan.Edge.Media.Adaptation;

/// <summary>
/// A switch to another rung: <see cref="Reason"/> is for the log (English, with the numbers),
/// <see cref="OperatorReason"/> for the operator's screen (Vietnamese).
/// </summary>
public sealed record AdaptationDecision(
    DateTimeOffset Time,
    int FromIndex,
    int ToIndex,
    LadderRung Rung,
    AdaptationDirection Direction,
    string Reason,
    string OperatorReason);
