using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Card.Service;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Tests.Card.Service;

/// <summary>The reader's health from events alone (no PC/SC): what the fleet reads in each state.</summary>
public sealed class CardReaderHealth_Tests
{
    [Fact]
    public void Status_follows_pcscd_and_the_matching_reader()
    {
        var health = new CardReaderHealth("ACR1252", new FakeTimeProvider());
        Assert.Equal(new(DeviceStatus.Faulty, "Không tìm thấy đầu đọc thẻ"), health.Reading);

        health.ReaderAdded("Virtual PCD 00 00");
        Assert.Equal(DeviceStatus.Faulty, health.Reading.Status);

        health.ReaderAdded("ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00");
        health.CardInserted("ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00");
        Assert.Equal(DeviceStatus.Present, health.Reading.Status);
        Assert.Equal(true, health.Metrics[CardMetrics.CardPresent].Value);

        health.ServiceLost();
        Assert.Equal(new(DeviceStatus.Faulty, "Dịch vụ thẻ thông minh (pcscd) không chạy"), health.Reading);
        Assert.Equal(false, health.Metrics[CardMetrics.ReaderPresent].Value);
    }

    [Fact]
    public void Counters_and_last_read_time_follow_read_outcomes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        var health = new CardReaderHealth(null, time);
        Assert.Equal(string.Empty, health.Metrics[CardMetrics.LastReadOkAt].Value);

        health.ReadFailed(CardReadFailure.WrongKey);
        health.ReadFailed(CardReadFailure.CardRemoved);
        health.ReadFailed(CardReadFailure.Timeout);

        var metrics = health.Metrics;
        Assert.Equal(3UL, metrics[CardMetrics.ReadErrors].Value);
        Assert.Equal(1UL, metrics[CardMetrics.WrongKeyErrors].Value);
        Assert.Equal(1UL, metrics[CardMetrics.CardRemovedErrors].Value);
        Assert.Equal(0UL, metrics[CardMetrics.ReadsOk].Value);
    }

    [Fact]
    public void Options_validation_names_the_key_and_the_limit()
    {
        var validator = new EdgeCardOptionsValidator();
        Assert.True(validator.Validate(null, new EdgeCardOptions()).Succeeded);

        var result = validator.Validate(null, new EdgeCardOptions { ChunkSize = 0x100, ApduTimeoutMs = 10, CscaDirectory = "/nonexistent/csca" });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Edge:Card:ChunkSize is 256", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Edge:Card:ApduTimeoutMs is 10", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Edge:Card:CscaDirectory '/nonexistent/csca' does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void A_damaged_csca_file_fails_validation_naming_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("tcd-csca-bad-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "csca.pem"), "not a certificate");

            var result = new EdgeCardOptionsValidator().Validate(null, new EdgeCardOptions { CscaDirectory = directory });

            Assert.True(result.Failed);
            Assert.Contains("csca.pem", string.Join(" ", result.Failures!), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
