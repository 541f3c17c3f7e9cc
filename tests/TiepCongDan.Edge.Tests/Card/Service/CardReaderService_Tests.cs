using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Pki;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Card.Service;
using TiepCongDan.Edge.Devices.Simulated;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Edge.Tests.Card.Reading;

namespace TiepCongDan.Edge.Tests.Card.Service;

/// <summary>The hosted reader service over real pcscd: reads for the session and the health the fleet sees.</summary>
public sealed class CardReaderService_Tests : IDisposable
{
    private readonly string _csca = Directory.CreateTempSubdirectory("tcd-csca-").FullName;

    [Fact]
    public async Task Reader_and_card_presence_and_read_outcomes_show_in_the_card_reader_metrics()
    {
        using var reader = new VirtualCardOnReader(new VirtualCccdCardOptions());
        TestCardPki.Shared.WriteCscaPem(_csca);
        using var service = new CardReaderService(
            Microsoft.Extensions.Options.Options.Create(new EdgeCardOptions { Enabled = true, ReaderName = reader.ReaderName, CscaDirectory = _csca }),
            TimeProvider.System,
            NullLoggerFactory.Instance);
        var devices = new CardReaderDevicePortSet(new SimulatedDevicePortSet(null, NullLogger.Instance), service.Health);
        var port = Assert.Single(devices.Attached, p => p.Kind == DeviceKinds.CardReader);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await Until(() => Metric(port, CardMetrics.ReaderPresent) is true, "reader present");
            Assert.Equal(reader.ReaderName, Metric(port, CardMetrics.ReaderName));
            Assert.Equal(false, Metric(port, CardMetrics.CardPresent));
            Assert.Equal(DeviceStatus.Present, port.Current.Status);

            await reader.InsertAsync();
            await Until(() => Metric(port, CardMetrics.CardPresent) is true, "card present");

            using (var identity = await service.ReadAsync(ChipReadHarness.Mrz(CccdPerson.Tuyet), CancellationToken.None))
            {
                Assert.Equal(CccdPerson.Tuyet.FullName, identity.FullName);
            }

            Assert.Equal(1UL, Metric(port, CardMetrics.ReadsOk));
            Assert.NotEqual(string.Empty, Metric(port, CardMetrics.LastReadOkAt));

            var wrong = await Assert.ThrowsAsync<CardReadException>(() => service.ReadAsync(ChipReadHarness.Mrz(CccdPerson.Hung), CancellationToken.None));
            Assert.Equal(CardReadFailure.WrongKey, wrong.Failure);
            Assert.Equal(1UL, Metric(port, CardMetrics.ReadErrors));
            Assert.Equal(1UL, Metric(port, CardMetrics.WrongKeyErrors));

            reader.Client.PullAfterCommands(12);
            await Assert.ThrowsAsync<CardRemovedException>(() => service.ReadAsync(ChipReadHarness.Mrz(CccdPerson.Tuyet), CancellationToken.None));
            Assert.Equal(2UL, Metric(port, CardMetrics.ReadErrors));
            Assert.Equal(1UL, Metric(port, CardMetrics.CardRemovedErrors));
            await Until(() => Metric(port, CardMetrics.CardPresent) is false, "card gone");

            var values = DeviceMetricCatalog.Values(port);
            Assert.Equal("present", values[DeviceMetrics.Status].Value);
            Assert.Equal(0UL, values[CardMetrics.AuthenticityFailures].Value);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Without_a_matching_reader_the_card_reader_is_faulty_and_a_read_says_no_reader()
    {
        _ = TiepCongDan.CardSim.Vpcd.PcscdDaemon.Shared;
        using var service = new CardReaderService(
            Microsoft.Extensions.Options.Options.Create(new EdgeCardOptions { Enabled = true, ReaderName = "no such reader" }),
            TimeProvider.System,
            NullLoggerFactory.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal(DeviceStatus.Faulty, service.Health.Reading.Status);
            Assert.Equal("Không tìm thấy đầu đọc thẻ", service.Health.Reading.Reason);
            var error = await Assert.ThrowsAsync<CardReadException>(() => service.ReadAsync(CardAccessKey.FromCan("123456"), CancellationToken.None));
            Assert.Equal(CardReadFailure.NoReader, error.Failure);
            Assert.Equal(1UL, service.Health.Metrics[CardMetrics.ReadErrors].Value);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose() => Directory.Delete(_csca, recursive: true);

    private static object? Metric(Edge.Devices.IDevicePort port, string name) => port.Metrics[name].Value;

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + VirtualCardOnReader.Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"No '{what}' within {VirtualCardOnReader.Patience.TotalSeconds:0} s.");
            }

            await Task.Delay(50);
        }
    }
}
