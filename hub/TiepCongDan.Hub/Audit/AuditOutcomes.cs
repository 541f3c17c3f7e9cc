namespace TiepCongDan.Hub.Audit;

/// <summary>The outcome words of the audit log.</summary>
public static class AuditOutcomes
{
    public const string Ok = "ok";
    public const string Refused = "refused";
    public const string Failed = "failed";
}
