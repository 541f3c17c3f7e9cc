using SQLite;

namespace TiepCongDan.Hub.Audit;

/// <summary>
/// One operator action in the append-only audit log: who, what, on which kiosk or object, in which
/// province, with what outcome. <see cref="Hash"/> chains it to the entry before it (SHA-256 of the
/// previous hash and this entry's fields), so a row edited or removed in the file breaks the chain.
/// </summary>
[Table("audit_log")]
public sealed class AuditRow
{
    [PrimaryKey]
    [Column("seq")]
    public long Seq { get; set; }

    [Column("at_ms")]
    public long AtMs { get; set; }

    [Column("actor")]
    public string Actor { get; set; } = string.Empty;

    [Column("action")]
    public string Action { get; set; } = string.Empty;

    [Column("target")]
    public string Target { get; set; } = string.Empty;

    /// <summary>The province the target belongs to ("" when none), so a province's admins can read their own.</summary>
    [Column("province")]
    public string Province { get; set; } = string.Empty;

    /// <summary>What happened: "ok", "refused", "failed", or a short outcome word.</summary>
    [Column("outcome")]
    public string Outcome { get; set; } = string.Empty;

    /// <summary>Free text (a comment, the command's parameters); never an ID number in clear.</summary>
    [Column("detail")]
    public string Detail { get; set; } = string.Empty;

    [Column("hash")]
    public string Hash { get; set; } = string.Empty;
}
