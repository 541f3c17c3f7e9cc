using SQLite;

namespace TiepCongDan.Hub.Commands;

/// <summary>One remote command in hub.db: who asked what of which kiosk, and how it ended.</summary>
[Table("remote_commands")]
public sealed class CommandRow
{
    [PrimaryKey]
    [Column("id")]
    public string Id { get; set; } = string.Empty;

    [Indexed]
    [Column("kiosk_id")]
    public string KioskId { get; set; } = string.Empty;

    [Column("province")]
    public string Province { get; set; } = string.Empty;

    [Column("command")]
    public string Command { get; set; } = string.Empty;

    [Indexed]
    [Column("state")]
    public string State { get; set; } = string.Empty;

    [Column("requested_by")]
    public string RequestedBy { get; set; } = string.Empty;

    [Column("requested_at_ms")]
    public long RequestedAtMs { get; set; }

    [Column("deadline_ms")]
    public long DeadlineMs { get; set; }

    [Column("finished_at_ms")]
    public long? FinishedAtMs { get; set; }

    /// <summary>The kiosk's bdSeq when the command was sent: a restart is done when a birth with another one arrives.</summary>
    [Column("bdseq_at_request")]
    public long? BdSeqAtRequest { get; set; }

    /// <summary>When the kiosk acknowledged a restart or reboot (state stays "sent" until it is back).</summary>
    [Column("acknowledged_at_ms")]
    public long? AcknowledgedAtMs { get; set; }

    [Column("message")]
    public string Message { get; set; } = string.Empty;

    [Column("comment")]
    public string Comment { get; set; } = string.Empty;

    /// <summary>The encrypted artifact's file name in the artifact directory; null when none (or deleted).</summary>
    [Column("artifact_file")]
    public string? ArtifactFile { get; set; }

    [Column("artifact_name")]
    public string? ArtifactName { get; set; }

    [Column("artifact_type")]
    public string? ArtifactType { get; set; }

    [Column("artifact_bytes")]
    public long? ArtifactBytes { get; set; }

    [Column("artifact_at_ms")]
    public long? ArtifactAtMs { get; set; }
}
