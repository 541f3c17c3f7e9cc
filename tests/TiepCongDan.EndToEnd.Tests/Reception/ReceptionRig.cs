using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Pki;
using TiepCongDan.CardSim.Vpcd;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Reception;

/// <summary>
/// One commune's reception, all real processes: tcd-hub (register, SRT ingest, archive), one
/// reception kiosk (tcd-edge), and optionally the private pcscd whose virtual reader the test
/// puts a virtual CCCD on over vpcd, with the test CSCA as the kiosk's trust store. Everything is
/// stopped by PID on dispose, also when the start fails half way.
/// </summary>
internal sealed class ReceptionRig : IAsyncDisposable
{
    private readonly List<VpcdCardClient> _cards = [];
    private TempDirectory? _csca;

    private ReceptionRig(HubProcess hub)
    {
        Hub = hub;
        Register = new HubReceptionClient(hub);
    }

    public HubProcess Hub { get; }

    public HubReceptionClient Register { get; }

    public ReceptionKiosk Kiosk { get; private set; } = null!;

    public PcscdDaemon? Pcscd { get; private set; }

    public VirtualReaderSlot? Slot { get; private set; }

    public SimConsoleClient Sim => Kiosk.Sim;

    /// <param name="withCardReader">True: Edge:Card on the private pcscd's virtual reader; false: the console's simulated card.</param>
    /// <param name="hubOptions">The hub's own settings (reception points); null: the defaults.</param>
    public static async Task<ReceptionRig> StartAsync(string kioskId, bool withCardReader, CancellationToken cancellationToken,
        IReadOnlyList<string>? extraArguments = null, HubStartOptions? hubOptions = null)
    {
        var hub = await HubProcess.StartAsync(hubOptions, cancellationToken);
        var rig = new ReceptionRig(hub);
        try
        {
            var settings = new ReceptionKioskSettings { ExtraArguments = extraArguments ?? [] };
            if (withCardReader)
            {
                rig.Pcscd = StartPcscd();
                rig.Slot = rig.Pcscd.Slots[0];
                rig._csca = new TempDirectory("reception-csca");
                TestCardPki.Shared.WriteCscaPem(rig._csca.Path);
                settings = settings with { PcscdSocket = rig.Pcscd.SocketPath, ReaderName = rig.Slot.ReaderName, CscaDirectory = rig._csca.Path };
            }

            rig.Kiosk = ReceptionKiosk.Start(kioskId, hub, settings);
            await rig.Kiosk.WaitReadyAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// PcscdDaemon.Start connects as soon as the socket file exists, but systemd-socket-activate
    /// creates it (bind) a moment before it listens: now and then the connect is refused. A fresh
    /// daemon is tried again then, so the race does not fail a session test.
    /// </summary>
    private static PcscdDaemon StartPcscd()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return PcscdDaemon.Start(2);
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 3)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>A virtual CCCD of <paramref name="person"/> on the reader's vpcd port, not inserted yet.</summary>
    public VpcdCardClient CardOf(CccdPerson person)
    {
        var slot = Slot ?? throw new InvalidOperationException("This rig has no card reader (started withCardReader: false).");
        var card = new VpcdCardClient(new VirtualCccdCard(new VirtualCccdCardOptions { Person = person }), slot.Port);
        _cards.Add(card);
        return card;
    }

    /// <summary>The kiosk's output (every life) and the hub's, for an assertion message.</summary>
    public string Describe() => (Kiosk?.Describe() ?? "(no kiosk)") + "\n" + Hub.Describe();

    public async ValueTask DisposeAsync()
    {
        if (Kiosk is not null)
        {
            await Kiosk.DisposeAsync();
        }

        foreach (var card in _cards)
        {
            card.Dispose();
        }

        Pcscd?.Dispose();
        await Hub.DisposeAsync();
        _csca?.Dispose();
    }
}
