namespace TiepCongDan.Hub.Alerts;

/// <summary>What an acknowledgement did.</summary>
public enum AckOutcome
{
    Acknowledged,
    NotFound,
    AlreadyAcknowledged,
    Closed,
}
