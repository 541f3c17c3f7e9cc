namespace TiepCongDan.Hub.Audit;

/// <summary>The action names on the audit log (dotted, lower case); remote commands add "command.{name}" themselves.</summary>
public static class AuditActions
{
    public const string Login = "login";
    public const string LoginFailed = "login.failed";
    public const string UserCreate = "user.create";
    public const string UserChange = "user.change";
    public const string AlertAcknowledge = "alert.ack";
    public const string LegalHold = "archive.legal-hold";
    public const string ArchiveMetadata = "archive.metadata";
    public const string ArchiveExport = "archive.export";
    public const string LiveWatch = "live.watch";
    public const string RegisterExport = "register.export";
    public const string ReportExport = "report.export";
    public const string KioskProvision = "kiosk.provision";
    public const string KioskRevoke = "kiosk.revoke";
    public const string LineTest = "kiosk.line-test";
}
