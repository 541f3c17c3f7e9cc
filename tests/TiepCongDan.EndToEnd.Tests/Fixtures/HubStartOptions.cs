namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>How a test wants its hub: embedded broker by default, or a client of an external broker.</summary>
public sealed record HubStartOptions
{
    public bool ExternalBroker { get; init; }

    public string ExternalHost { get; init; } = "127.0.0.1";

    public int ExternalPort { get; init; }

    public string? ExternalUsername { get; init; }

    public string? ExternalPassword { get; init; }

    /// <summary>An existing fleet device secret file to use; null = the fixture writes a fresh one in the data folder.</summary>
    public string? FleetSecretFile { get; init; }

    /// <summary>Extra --Key=value arguments.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Wrap the start in `bash -c 'ulimit -n N; exec …'` (benchmarks with thousands of connections).</summary>
    public int? OpenFilesLimit { get; init; }
}
