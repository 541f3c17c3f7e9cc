namespace TiepCongDan.Edge.Reception.Flow;

/// <summary>What arrived on the coordinator's one input queue.</summary>
internal enum ReceptionInputKind
{
    Button,
    Card,
    Timeout,
    MediaCheck,
    ReadCompleted,
    ReadFailed,
    MediaStarted,
    MediaStartFailed,
    MediaStopped,
}
