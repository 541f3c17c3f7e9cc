using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>A wrong setting must stop the program at start with exit code 78 (EX_CONFIG) and one sentence naming the key.</summary>
public sealed class ConfigError_Tests
{
    private const int ExConfig = 78;

    [Fact]
    public async Task Edge_with_a_malformed_kiosk_id_exits_78_naming_the_key()
    {
        using var data = new TempDirectory("edge-config");
        await using var edge = ChildProcess.StartDotnet("tcd-edge (bad id)", BuiltPrograms.Edge,
        [
            "--Edge:KioskId=14-4171",
            $"--Edge:DataDirectory={data.Path}",
            "--Edge:Mqtt:Host=127.0.0.1",
            $"--Edge:Mqtt:Port={FreePort.Next()}",
            "--Edge:Mqtt:Password=irrelevant",
            "--Edge:Media:Enabled=false",
        ]);

        Assert.True(await edge.WaitForExitAsync(TimeSpan.FromSeconds(10)), "tcd-edge did not stop within 10 s.\n" + edge.Describe());
        Assert.True(edge.ExitCode == ExConfig, $"exit code {edge.ExitCode}, expected {ExConfig}.\n{edge.Describe()}");
        AssertOneStderrLineNaming(edge, "Edge:KioskId");
    }

    [Fact]
    public async Task Hub_on_a_non_loopback_url_without_the_allow_flag_exits_78_naming_the_key()
    {
        using var data = new TempDirectory("hub-config");
        await using var hub = ChildProcess.StartDotnet("tcd-hub (public url)", BuiltPrograms.Hub,
        [
            $"--Hub:DataDirectory={data.Path}",
            $"--Hub:Http:Urls=http://0.0.0.0:{FreePort.Next()}",
            $"--Hub:Mqtt:Embedded:Port={FreePort.Next()}",
        ],
        new Dictionary<string, string> { ["TCD_ADMIN_PASSWORD"] = "config-test-password" });

        Assert.True(await hub.WaitForExitAsync(TimeSpan.FromSeconds(10)), "tcd-hub did not stop within 10 s.\n" + hub.Describe());
        Assert.True(hub.ExitCode == ExConfig, $"exit code {hub.ExitCode}, expected {ExConfig}.\n{hub.Describe()}");
        AssertOneStderrLineNaming(hub, "Hub:Http:");
    }

    private static void AssertOneStderrLineNaming(ChildProcess process, string key)
    {
        var stderr = process.Output.Lines
            .Where(l => l.StartsWith("[stderr] ", StringComparison.Ordinal))
            .Select(l => l["[stderr] ".Length..])
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .ToList();
        Assert.True(stderr.Count == 1, $"expected exactly one line on stderr, got {stderr.Count}.\n{process.Describe()}");
        Assert.Contains(key, stderr[0], StringComparison.Ordinal);
    }
}
