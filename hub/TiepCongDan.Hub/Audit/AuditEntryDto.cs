namespace TiepCongDan.Hub.Audit;

/// <summary>One audit entry in GET /api/audit.</summary>
public sealed record AuditEntryDto(long Seq, string At, string Actor, string Action, string Target, string Province, string Outcome, string Detail, string Hash)
{
    public static AuditEntryDto From(AuditRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(row.AtMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return new AuditEntryDto(row.Seq, at, row.Actor, row.Action, row.Target, row.Province, row.Outcome, row.Detail, row.Hash);
    }
}
