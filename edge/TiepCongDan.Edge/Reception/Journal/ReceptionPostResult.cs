using TiepCongDan.Contracts.Reception;

namespace TiepCongDan.Edge.Reception.Journal;

/// <summary>The hub's answer to one POST of events: its receipt, or a refusal of the content (a 4xx that resending cannot fix).</summary>
internal sealed record ReceptionPostResult(ReceptionEventReceipt? Receipt, int Status, string HubError)
{
    public static ReceptionPostResult Accepted(ReceptionEventReceipt receipt) => new(receipt, 200, string.Empty);

    public static ReceptionPostResult Refused(int status, string hubError) => new(null, status, hubError);
}
