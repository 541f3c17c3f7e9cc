using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Pki;
using TiepCongDan.CardSim.Vpcd;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks.Reception;

/// <summary>
/// Issue 6's two times, over real sessions on this machine: card presented to live (the virtual
/// CCCD put on the private pcscd's reader and its QR scanned, the chip read and checked, button 1
/// choosing the case kind, media started and the SRT uplink to the hub connected) and staff button
/// to live (the confirming press of a staff-vouched session). Each is reported twice: as the kiosk
/// measured and sent it to the hub (CardToLiveMs / ButtonToLiveMs, read back from the register) and
/// as seen from outside (from the bench's call to /sim/state saying Live, polled every 10 ms).
/// Card and button sessions alternate, so the machine's other load hits both alike.
/// </summary>
public static class ReceptionBenchmark
{
    private const string Kiosk = "14-06190";
    private const string CardLive = "card presented -> live";
    private const string ButtonLive = "staff button -> live";

    public static async Task<BenchReport> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var sessions = args.Int("sessions", 20);
        args.RejectUnknown();
        PcscdDaemon.RequireTools();

        var report = new BenchReport("reception");
        report.Parameters["sessions"] = sessions;
        report.Parameters["loadAverage1mStart"] = LoadAverage.OneMinute();
        var total = Stopwatch.StartNew();
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        using var pcscd = PcscdDaemon.Start(2);
        using var csca = new TempDirectory("bench-csca");
        TestCardPki.Shared.WriteCscaPem(csca.Path);
        var slot = pcscd.Slots[0];
        // This process only starts the bench's own children: they all may see the private pcscd.
        Environment.SetEnvironmentVariable(PcscdDaemon.SocketVariable, pcscd.SocketPath);
        var simPort = FreePort.Next();
        await using var edge = new EdgeProcess(Kiosk, "127.0.0.1", hub.MqttPort, hub.Secret.PasswordFor(Kiosk), extraArguments:
        [
            .. MediaKiosk.Arguments(hub, Kiosk, hub.SrtPort),
            "--Edge:Reception:Enabled=true",
            "--Edge:Reception:Staff=Phạm Thị Lan",
            "--Edge:Simulation:Enabled=true",
            string.Create(CultureInfo.InvariantCulture, $"--Edge:Simulation:Port={simPort}"),
            "--Edge:Voice:Enabled=false",
            "--Edge:Card:Enabled=true",
            $"--Edge:Card:ReaderName={slot.ReaderName}",
            $"--Edge:Card:CscaDirectory={csca.Path}",
        ]);
        edge.StartProcess();
        using var console = new ReceptionConsole(simPort, edge.Describe);
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(60), "online", ct);
        await console.WaitForAsync("Idle", TimeSpan.FromSeconds(60), ct);

        var card = new List<(string Session, double OutsideMs, double ReadMs, double ButtonMs)>();
        var button = new List<(string Session, double OutsideMs)>();
        for (var i = 1; i <= sessions; i++)
        {
            card.Add(await CardSessionAsync(console, slot, i % 2 == 1 ? CccdPerson.Tuyet : CccdPerson.Hung, ct));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"card   {i,2}/{sessions}: {card[^1].OutsideMs,6:0} ms to live (chip read {card[^1].ReadMs:0} ms, button to live {card[^1].ButtonMs:0} ms)"));
            button.Add(await ButtonSessionAsync(console, ct));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"button {i,2}/{sessions}: {button[^1].OutsideMs,6:0} ms to live"));
        }

        var cardReported = new List<double>();
        var buttonReported = new List<double>();
        foreach (var (session, _, _, _) in card)
        {
            cardReported.Add((await ReportedAsync(hub, edge, session, ct)).CardMs ?? double.NaN);
        }

        foreach (var (session, _) in button)
        {
            buttonReported.Add((await ReportedAsync(hub, edge, session, ct)).ButtonMs ?? double.NaN);
        }

        AddStats(report, CardLive + " (kiosk's CardToLiveMs)", cardReported);
        AddStats(report, CardLive + " (outside: vpcd insert to /sim/state Live)", [.. card.Select(c => c.OutsideMs)]);
        AddStats(report, ButtonLive + " (kiosk's ButtonToLiveMs)", buttonReported);
        AddStats(report, ButtonLive + " (outside: click call to /sim/state Live)", [.. button.Select(b => b.OutsideMs)]);
        AddStats(report, "card sessions: parts (outside)", [.. card.Select(c => c.ReadMs)], "chip read: insert to Identified ");
        AddStats(report, "card sessions: parts (outside)", [.. card.Select(c => c.ButtonMs)], "case-kind button to Live ");
        report.Parameters["loadAverage1mEnd"] = LoadAverage.OneMinute();
        report.Parameters["minutes"] = Math.Round(total.Elapsed.TotalMinutes, 1);
        return report;
    }

    /// <summary>Card on the reader and its QR scanned at once, chip read, button 1 (khiếu nại), live; then ended, rated, card taken away.</summary>
    private static async Task<(string, double, double, double)> CardSessionAsync(ReceptionConsole console, VirtualReaderSlot slot, CccdPerson person,
        CancellationToken ct)
    {
        using var card = new VpcdCardClient(new VirtualCccdCard(new VirtualCccdCardOptions { Person = person }), slot.Port);
        var clock = Stopwatch.StartNew();
        card.Insert();
        await console.PostAsync("sim/qr", new { text = person.FrontQrText }, ct);
        var (_, session) = await console.WaitForAsync("Identified", TimeSpan.FromSeconds(60), ct);
        var read = clock.Elapsed.TotalMilliseconds;
        await console.PostAsync("sim/buttons/verySatisfied/click", null, ct);
        await console.WaitForAsync("Live", TimeSpan.FromSeconds(60), ct);
        var live = clock.Elapsed.TotalMilliseconds;
        await EndAndRateAsync(console, "satisfied", ct);
        card.Remove();
        return (session ?? throw new InvalidOperationException("Identified without a session id."), live, read, live - read);
    }

    /// <summary>Staff starts, vouches, confirms (the clock runs from this call), live; then ended and rated.</summary>
    private static async Task<(string, double)> ButtonSessionAsync(ReceptionConsole console, CancellationToken ct)
    {
        await console.PostAsync("sim/buttons/staff/click", null, ct);
        await console.WaitForAsync("CitizenPresent", TimeSpan.FromSeconds(20), ct);
        await console.PostAsync("sim/buttons/staff/click", null, ct);
        var (_, session) = await console.WaitForAsync("Identified", TimeSpan.FromSeconds(20), ct);
        var clock = Stopwatch.StartNew();
        await console.PostAsync("sim/buttons/staff/click", null, ct);
        await console.WaitForAsync("Live", TimeSpan.FromSeconds(60), ct);
        var live = clock.Elapsed.TotalMilliseconds;
        await EndAndRateAsync(console, "neutral", ct);
        return (session ?? throw new InvalidOperationException("Identified without a session id."), live);
    }

    private static async Task EndAndRateAsync(ReceptionConsole console, string rating, CancellationToken ct)
    {
        await console.PostAsync("sim/buttons/staff/hold?ms=3200", null, ct);
        await console.WaitForAsync("Rating", TimeSpan.FromSeconds(30), ct);
        await console.PostAsync($"sim/buttons/{rating}/click", null, ct);
        await console.WaitForAsync("Idle", TimeSpan.FromSeconds(30), ct);
    }

    /// <summary>The session's times as the kiosk sent them, from the hub's register once the session is closed there.</summary>
    private static async Task<(double? CardMs, double? ButtonMs)> ReportedAsync(HubProcess hub, EdgeProcess edge, string session, CancellationToken ct)
    {
        var json = await Poll.UntilAsync(
            async c =>
            {
                using var response = await hub.Http.GetAsync($"api/reception/sessions/{Uri.EscapeDataString(session)}", c);
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(c) : null;
            },
            body => body is not null && body.Contains("\"outcome\":\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), $"session {session} closed in the hub's register", () => edge.Describe() + "\n" + hub.Describe(),
            TimeSpan.FromMilliseconds(200), ct);
        using var document = JsonDocument.Parse(json!);
        var root = document.RootElement;
        return (Number(root, "cardToLiveMs"), Number(root, "buttonToLiveMs"));
    }

    private static double? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static void AddStats(BenchReport report, string section, IReadOnlyList<double> all, string prefix = "")
    {
        var values = all.Where(v => !double.IsNaN(v)).ToList();
        report.Add(section, prefix + "n", values.Count, $"of {all.Count}");
        report.Add(section, prefix + "min", values.Count > 0 ? values.Min() : double.NaN, "ms");
        report.Add(section, prefix + "p50", Percentiles.Of(values, 50), "ms");
        report.Add(section, prefix + "p95", Percentiles.Of(values, 95), "ms");
        report.Add(section, prefix + "max", values.Count > 0 ? values.Max() : double.NaN, "ms");
    }
}
