using SQLite;

namespace TiepCongDan.Hub.Reception;

/// <summary>One event as the kiosk sent it (table reception_events), without the citizen (held encrypted on the session).</summary>
[Table("reception_events")]
public sealed class ReceptionEventRow
{
    /// <summary>"{session}/{seq}": one row per (session, seq), the first copy kept.</summary>
    [PrimaryKey]
    [Column("id")]
    public string Id { get; set; } = string.Empty;

    [Column("session")]
    [Indexed]
    public string SessionId { get; set; } = string.Empty;

    [Column("seq")]
    public int Seq { get; set; }

    [Column("kiosk")]
    public string KioskId { get; set; } = string.Empty;

    [Column("at_ms")]
    public long AtMs { get; set; }

    [Column("from_state")]
    public string From { get; set; } = string.Empty;

    [Column("to_state")]
    public string To { get; set; } = string.Empty;

    [Column("trigger")]
    public string Trigger { get; set; } = string.Empty;

    [Column("case_kind")]
    public string? CaseKind { get; set; }

    [Column("rating")]
    public string? Rating { get; set; }

    [Column("staff")]
    public string? Staff { get; set; }

    [Column("outcome")]
    public string? Outcome { get; set; }

    [Column("card_to_live_ms")]
    public long? CardToLiveMs { get; set; }

    [Column("button_to_live_ms")]
    public long? ButtonToLiveMs { get; set; }

    [Column("detail")]
    public string? Detail { get; set; }

    /// <summary>The event carried the citizen (now on the session row, encrypted).</summary>
    [Column("had_citizen")]
    public bool HadCitizen { get; set; }

    [Column("received_ms")]
    public long ReceivedAtMs { get; set; }

    public static string RowId(string sessionId, int seq) => sessionId + "/" + seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
