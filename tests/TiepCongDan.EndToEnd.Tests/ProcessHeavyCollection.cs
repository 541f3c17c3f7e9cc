namespace TiepCongDan.EndToEnd.Tests;

/// <summary>
/// Test classes in this collection run one after another: each starts a hub plus kiosks, and on a
/// 2-core machine running them all at once would turn timing checks (offline within 1.5 x
/// keepalive) into CPU-starvation lottery. Light classes (configuration errors) stay parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessHeavyCollection
{
    public const string Name = "process-heavy";
}
