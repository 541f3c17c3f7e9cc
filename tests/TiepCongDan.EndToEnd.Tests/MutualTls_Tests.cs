using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>
/// Mutual TLS between the real programs: tcd-hub's TLS listener trusts the fleet CA for kiosk
/// logins, and tcd-edge logs in with its own client certificate (CN = kiosk id) and no password.
/// A certificate from another CA is refused by the hub; one made for another kiosk stops tcd-edge at start.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class MutualTls_Tests(ITestOutputHelper output)
{
    private const string Kiosk = "14-04171";
    private const int ExConfig = 78;

    [Fact]
    public async Task Kiosk_with_a_fleet_certificate_and_no_password_comes_online_over_TLS_and_a_certificate_from_another_CA_does_not()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = cts.Token;
        using var pki = new FleetPki();
        var tlsPort = FreePort.Next();
        await using var hub = await HubProcess.StartAsync(new HubStartOptions
        {
            ExtraArguments =
            [
                $"--Hub:Mqtt:Tls:Port={tlsPort}",
                $"--Hub:Mqtt:Tls:CertificatePath={pki.WriteHubPfx()}",
                $"--Hub:Mqtt:Tls:CertificatePassword={pki.HubPfxPassword}",
                $"--Hub:Mqtt:Tls:ClientCaPath={pki.CaPemPath}",
            ],
        }, ct);

        var (certificate, key) = pki.WriteKioskCertificate(Kiosk, "kiosk");
        using var data = new TempDirectory("edge-tls");
        await using var edge = StartEdge(Kiosk, data.Path, tlsPort, pki.CaPemPath, certificate, key);
        var online = await WaitOnHubAsync(hub, edge, Kiosk, d => d.Online && d.MetricCount > 0, TimeSpan.FromSeconds(45),
            "online over TLS with metrics", ct);
        output.WriteLine($"online over mutual TLS: {online}");
        Assert.True(online!.Online);
        Assert.NotNull(online.BdSeq);
        Assert.True(online.MetricCount > 0, $"no metrics reached the hub: {online}");
        // Data keeps flowing over the TLS session, not just the birth.
        var next = await WaitOnHubAsync(hub, edge, Kiosk, d => d.LastSeen > online.LastSeen, TimeSpan.FromSeconds(15),
            "a data message after the birth", ct);
        Assert.True(next!.Online);

        // Same fleet CA pinned for the server, but the client certificate was made by another CA:
        // the hub refuses the TLS handshake, the kiosk keeps retrying and never shows online.
        const string Rogue = "14-04172";
        using var otherPki = new FleetPki("Rogue CA");
        var (rogueCertificate, rogueKey) = otherPki.WriteKioskCertificate(Rogue, "rogue");
        using var rogueData = new TempDirectory("edge-rogue");
        await using var rogue = StartEdge(Rogue, rogueData.Path, tlsPort, pki.CaPemPath, rogueCertificate, rogueKey);
        var watched = System.Diagnostics.Stopwatch.StartNew();
        while (watched.Elapsed < TimeSpan.FromSeconds(10))
        {
            var device = await hub.GetDeviceAsync(Rogue, ct);
            Assert.True(device is not { Online: true }, $"a kiosk with a certificate from another CA came online: {device}\n{rogue.Describe()}");
            await Task.Delay(250, ct);
        }

        output.WriteLine(rogue.Describe());
        Assert.False(rogue.HasExited, "the refused kiosk should keep retrying, not exit.\n" + rogue.Describe());
        Assert.True((await hub.GetDeviceAsync(Kiosk, ct))!.Online, "the good kiosk went offline while the rogue one knocked.\n" + edge.Describe());
    }

    [Fact]
    public async Task Edge_with_another_kiosks_certificate_exits_78_naming_the_certificate_setting()
    {
        using var pki = new FleetPki();
        var (certificate, key) = pki.WriteKioskCertificate("14-04172", "other-kiosk");
        using var data = new TempDirectory("edge-tls-cn");
        await using var edge = StartEdge(Kiosk, data.Path, FreePort.Next(), pki.CaPemPath, certificate, key);

        Assert.True(await edge.WaitForExitAsync(TimeSpan.FromSeconds(15)), "tcd-edge did not stop within 15 s.\n" + edge.Describe());
        Assert.True(edge.ExitCode == ExConfig, $"exit code {edge.ExitCode}, expected {ExConfig}.\n{edge.Describe()}");
        var stderr = edge.Output.Lines
            .Where(l => l.StartsWith("[stderr] ", StringComparison.Ordinal))
            .Select(l => l["[stderr] ".Length..])
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .ToList();
        Assert.True(stderr.Count == 1, $"expected exactly one line on stderr, got {stderr.Count}.\n{edge.Describe()}");
        Assert.Contains("Edge:Mqtt:ClientCertificatePath", stderr[0], StringComparison.Ordinal);
        Assert.Contains("14-04172", stderr[0], StringComparison.Ordinal);
    }

    /// <summary>tcd-edge over TLS with a client certificate and deliberately no Password/PasswordFile (EdgeProcess always passes one).</summary>
    private static ChildProcess StartEdge(string kioskId, string dataDirectory, int tlsPort, string caPem, string certificate, string key) =>
        ChildProcess.StartDotnet($"tcd-edge {kioskId} (TLS)", BuiltPrograms.Edge,
        [
            $"--Edge:KioskId={kioskId}",
            $"--Edge:DataDirectory={dataDirectory}",
            "--Edge:Mqtt:Host=127.0.0.1",
            $"--Edge:Mqtt:Port={tlsPort}",
            "--Edge:Mqtt:UseTls=true",
            $"--Edge:Mqtt:CaCertificatePath={caPem}",
            $"--Edge:Mqtt:ClientCertificatePath={certificate}",
            $"--Edge:Mqtt:ClientKeyPath={key}",
            "--Edge:Mqtt:KeepAliveSeconds=5",
            "--Edge:Media:Enabled=false",
            "--Edge:Mqtt:ReconnectMaxDelayMs=2000",
            "--Edge:Health:SampleIntervalSeconds=1",
            "--Edge:Health:ReportIntervalSeconds=2",
        ]);

    /// <summary>Polls the hub, failing at once with the kiosk's output if tcd-edge exits meanwhile.</summary>
    private static Task<HubDevice?> WaitOnHubAsync(HubProcess hub, ChildProcess edge, string kioskId, Func<HubDevice, bool> predicate,
        TimeSpan timeout, string waitingFor, CancellationToken ct) =>
        Poll.UntilAsync(
            async c => edge.HasExited
                ? throw new InvalidOperationException($"tcd-edge {kioskId} exited with code {edge.ExitCode} while waiting for {waitingFor}.\n{edge.Describe()}")
                : await hub.GetDeviceAsync(kioskId, c),
            device => device is not null && predicate(device),
            timeout,
            $"kiosk {kioskId}: {waitingFor}",
            () => edge.Describe() + "\n" + hub.Describe(),
            TimeSpan.FromMilliseconds(100),
            ct);
}
