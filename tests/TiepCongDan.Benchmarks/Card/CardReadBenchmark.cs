using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Cccd.Pace;
using TiepCongDan.CardSim.Pki;
using TiepCongDan.CardSim.Vpcd;
using TiepCongDan.Edge.Card.Authenticity;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Card.Transport;
using TiepCongDan.Pcsc;

namespace TiepCongDan.Benchmarks.Card;

/// <summary>
/// A full CCCD read (access, EF.COM, DG1, DG13, EF.SOD, passive authentication) through real
/// pcscd and a vpcd virtual reader, against the sum of the raw round trips of the same APDUs:
/// the identical command sequence replayed to a card that answers from the recording. The
/// ratio says what our protocol code (secure messaging, PACE/BAC, parsing, PA) adds on top of
/// what the wire costs. The virtual card's own work (its half of the cryptography, which a
/// real chip does in its own time) is measured by the vpcd client and reported apart.
/// </summary>
public static class CardReadBenchmark
{
    private static readonly TimeSpan ApduTimeout = TimeSpan.FromSeconds(10);

    public static BenchReport Run(BenchArguments args, CancellationToken ct)
    {
        var runs = args.Int("runs", 20);
        var warmup = args.Int("warmup", 3);
        args.RejectUnknown();

        var report = new BenchReport("card-read");
        report.Parameters["runs"] = runs;
        report.Parameters["warmup"] = warmup;

        PcscdDaemon.RequireTools();
        var daemon = PcscdDaemon.Shared;
        using var slot = daemon.LeaseSlot();
        var dir = Directory.CreateTempSubdirectory("tcd-bench-card-");
        try
        {
            using var trust = CscaTrustStore.LoadFromDirectory(WriteTrustStore(dir.FullName));
            var person = CccdPerson.Tuyet;
            var plain = new VirtualCccdCardOptions { Person = person, IncludeDg2 = true, IncludeDg14 = false, IncludeDg15 = false };
            Measure(report, "BAC (MRZ), DG1+DG13+SOD", slot, plain, CardAccessKey.FromMrz(person.Td1MrzText, DateOnly.FromDateTime(DateTime.UtcNow)), trust, runs, warmup, ct);
            Measure(report, "PACE-CAN AES-128, DG1+DG13+SOD", slot, plain with { Pace = new CardPaceResponder(person.Can) }, CardAccessKey.FromCan(person.Can), trust, runs, warmup, ct);
            Measure(report, "PACE-CAN + DG14/DG15 + active auth", slot, new VirtualCccdCardOptions { Person = person, Pace = new CardPaceResponder(person.Can) }, CardAccessKey.FromCan(person.Can), trust, runs, warmup, ct);
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        return report;
    }

    private static void Measure(
        BenchReport report,
        string section,
        VirtualReaderSlot slot,
        VirtualCccdCardOptions cardOptions,
        CardAccessKey key,
        CscaTrustStore trust,
        int runs,
        int warmup,
        CancellationToken ct)
    {
        var card = new VirtualCccdCard(cardOptions);
        var reads = new List<double>();
        var cardWork = new List<double>();
        IReadOnlyList<VpcdExchange> recording = [];
        string status = "n/a";
        using (var client = new VpcdCardClient(card, slot.Port))
        {
            client.Insert();
            using var context = PcscContext.Establish();
            WaitForCard(context, slot.ReaderName, ct);
            for (var i = 0; i < warmup + runs; i++)
            {
                ct.ThrowIfCancellationRequested();
                using var pcscCard = context.Connect(slot.ReaderName);
                var reader = new CccdChipReader(new PcscApduTransport(pcscCard, ApduTimeout), new ChipReadSettings(), trust, TimeProvider.System, NullLogger.Instance, new PaceAccess());
                client.ClearTranscript();
                var clock = Stopwatch.StartNew();
                using var identity = reader.Read(key, ct);
                clock.Stop();
                status = identity.Authenticity.Status.ToString();

                // Reset ends the chip's secure messaging session, as the kiosk does after every read.
                pcscCard.Disconnect(PcscDisposition.ResetCard);
                if (i >= warmup)
                {
                    reads.Add(clock.Elapsed.TotalMilliseconds);
                    recording = client.Transcript;
                    cardWork.Add(recording.Sum(e => e.ProcessingTime.TotalMilliseconds));
                }
            }

            client.Remove();
            WaitForNoCard(context, slot.ReaderName, ct);
        }

        var replay = new ReplayCard(recording, card.Atr);
        var roundTrips = new List<double>();
        using (var client = new VpcdCardClient(replay, slot.Port))
        {
            client.Insert();
            using var context = PcscContext.Establish();
            WaitForCard(context, slot.ReaderName, ct);
            for (var i = 0; i < warmup + runs; i++)
            {
                using var pcscCard = context.Connect(slot.ReaderName);
                replay.Rewind();
                var clock = Stopwatch.StartNew();
                foreach (var exchange in recording)
                {
                    pcscCard.Transmit(exchange.Command, ApduTimeout);
                }

                clock.Stop();
                if (i >= warmup)
                {
                    roundTrips.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            client.Remove();
            WaitForNoCard(context, slot.ReaderName, ct);
        }

        var read50 = Percentiles.Of(reads, 50);
        var trips50 = Percentiles.Of(roundTrips, 50);
        var card50 = Percentiles.Of(cardWork, 50);
        report.Add(section, "authenticity", status);
        report.Add(section, "APDUs per read", recording.Count);
        report.Add(section, "bytes sent+received", recording.Sum(e => e.Command.Length + e.Response.Length), "B");
        report.Add(section, "full read p50", read50, "ms");
        report.Add(section, "full read p95", Percentiles.Of(reads, 95), "ms");
        report.Add(section, "raw round trips p50 (replay)", trips50, "ms");
        report.Add(section, "virtual card's own work p50", card50, "ms");
        report.Add(section, "ratio read / round trips", read50 / trips50, "x");
        report.Add(section, "ratio (read - card work) / round trips", (read50 - card50) / trips50, "x");
    }

    private static void WaitForCard(PcscContext context, string reader, CancellationToken ct)
    {
        for (var i = 0; i < 100; i++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                using var probe = context.Connect(reader);
                return;
            }
            catch (PcscException ex) when (ex.Kind is PcscErrorKind.NoCard or PcscErrorKind.NoReader or PcscErrorKind.CardRemoved)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"No card appeared in {reader} within 10 s.");
    }

    /// <summary>
    /// pcscd notices a vpcd card leaving only when it next polls the reader; a card inserted before
    /// that would meet a reader still holding the old card's state.
    /// </summary>
    private static void WaitForNoCard(PcscContext context, string reader, CancellationToken ct)
    {
        for (var i = 0; i < 100; i++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                using var probe = context.Connect(reader);
            }
            catch (PcscException ex) when (ex.Kind is PcscErrorKind.NoCard or PcscErrorKind.CardRemoved)
            {
                return;
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException($"{reader} still reported a card 10 s after it was removed.");
    }

    private static string WriteTrustStore(string dir)
    {
        var store = Path.Combine(dir, "csca");
        Directory.CreateDirectory(store);
        TestCardPki.Shared.WriteCscaPem(store);
        return store;
    }
}
