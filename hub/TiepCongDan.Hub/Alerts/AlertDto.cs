namespace TiepCongDan.Hub.Alerts;

/// <summary>An alert as the API and the webhooks show it (times ISO 8601 UTC).</summary>
public sealed record AlertDto(
    long Id,
    string KioskId,
    string Province,
    string Rule,
    string Subject,
    string Severity,
    string State,
    string OpenedAt,
    string? AcknowledgedAt,
    string? AcknowledgedBy,
    string? Comment,
    string? ClosedAt,
    double? LastValue,
    int Flaps,
    string Message,
    string MessageEn)
{
    public static AlertDto From(AlertRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.KioskId, row.Province, row.Rule, row.Subject, row.Severity, row.State,
            Iso(row.OpenedAtMs)!, Iso(row.AcknowledgedAtMs), row.AcknowledgedBy, row.AcknowledgeComment, Iso(row.ClosedAtMs),
            row.LastValue, row.Flaps, row.MessageVi, row.MessageEn);
    }

    private static string? Iso(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) : null;
}
