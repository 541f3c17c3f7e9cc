namespace TiepCongDan.Hub.Sparkplug;

/// <summary>The "reason" label values of tcd_hub_dropped_total.</summary>
public static class DropReasons
{
    public const string BadTopic = "bad-topic";
    public const string BadNodeId = "bad-node-id";
    public const string BadPayload = "bad-payload";
    public const string Oversized = "oversized";
    public const string BirthWithoutBdSeq = "birth-without-bdseq";
    public const string DeathWithoutBdSeq = "death-without-bdseq";
    public const string DataBeforeBirth = "data-before-birth";
}
