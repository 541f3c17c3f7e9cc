namespace TiepCongDan.Hub.Alerts;

/// <summary>Values of <see cref="AlertNotification.Event"/>.</summary>
public static class AlertNotificationEvents
{
    public const string Opened = "opened";
    public const string Acknowledged = "acknowledged";
    public const string Closed = "closed";
}
