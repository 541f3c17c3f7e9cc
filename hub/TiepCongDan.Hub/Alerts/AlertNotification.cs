namespace TiepCongDan.Hub.Alerts;

/// <summary>The JSON body POSTed to a webhook: what happened ("opened", "acknowledged", "closed"), when, and the alert.</summary>
public sealed record AlertNotification(string Event, string At, string Hub, AlertDto Alert);
