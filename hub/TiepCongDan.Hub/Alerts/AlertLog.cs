using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Alerts;

/// <summary>Log lines of the alerts (event ids 7400-7449). Kiosk ids, rules and URLs' hosts only.</summary>
internal static partial class AlertLog
{
    [LoggerMessage(7400, LogLevel.Warning, "Alert {AlertId} opened: {Rule} {Subject} on kiosk {KioskId} ({Severity})")]
    public static partial void Opened(ILogger logger, long alertId, string rule, string subject, string kioskId, string severity);

    [LoggerMessage(7401, LogLevel.Information, "Alert {AlertId} closed: {Rule} {Subject} on kiosk {KioskId} cleared, {Flaps} flap(s)")]
    public static partial void Closed(ILogger logger, long alertId, string rule, string subject, string kioskId, int flaps);

    [LoggerMessage(7402, LogLevel.Information, "Alert {AlertId} acknowledged by {User}")]
    public static partial void Acknowledged(ILogger logger, long alertId, string user);

    [LoggerMessage(7403, LogLevel.Error, "Alert evaluation failed; trying again at the next interval")]
    public static partial void EvaluationFailed(ILogger logger, Exception exception);

    [LoggerMessage(7404, LogLevel.Warning, "Alert webhook to {Host} failed (attempt {Attempt}): {Error}; next try in {DelayMs} ms")]
    public static partial void WebhookRetry(ILogger logger, string host, int attempt, string error, long delayMs);

    [LoggerMessage(7405, LogLevel.Error, "Alert webhook to {Host} given up after {Attempts} attempts: {Error}")]
    public static partial void WebhookGaveUp(ILogger logger, string host, int attempts, string error);

    [LoggerMessage(7406, LogLevel.Information, "Alerts: {Active} active alert(s) loaded; evaluating every {Seconds} s, {Webhooks} webhook(s)")]
    public static partial void Started(ILogger logger, int active, int seconds, int webhooks);

    [LoggerMessage(7407, LogLevel.Error, "Alert webhook dispatch failed; trying again shortly")]
    public static partial void DispatchFailed(ILogger logger, Exception exception);
}
