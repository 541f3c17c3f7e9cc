namespace TiepCongDan.Edge.Options;

/// <summary>The offline store (section "Edge:Outbox").</summary>
public sealed class EdgeOutboxOptions
{
    /// <summary>Records kept while the hub is unreachable; beyond this the oldest are dropped and counted.</summary>
    public int MaxRecords { get; set; } = 10000;
}
