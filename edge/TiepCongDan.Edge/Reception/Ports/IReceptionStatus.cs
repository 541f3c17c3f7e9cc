namespace TiepCongDan.Edge.Reception.Ports;

/// <summary>Where the session flow stands now (for the simulation console, the screen and tests).</summary>
public interface IReceptionStatus
{
    ReceptionState State { get; }

    /// <summary>The open session's id, or null in Idle.</summary>
    string? SessionId { get; }

    /// <summary>Raised after every transition (on the flow's thread; handlers must be quick).</summary>
    event EventHandler<ReceptionState>? StateChanged;
}
