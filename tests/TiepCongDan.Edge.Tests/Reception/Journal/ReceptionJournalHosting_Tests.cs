using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception.Journal;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Tests.Reception.Journal;

public sealed class ReceptionJournalHosting_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-journal-host-").FullName;

    [Fact]
    public async Task The_host_keeps_the_journal_in_the_data_directory_and_sends_it_to_the_media_upload_hub()
    {
        using var hub = new FakeReceptionHub();
        using var host = Build(("Edge:Media:Upload:HubUrl", hub.BaseUri.ToString()), ("Edge:Media:Upload:RetryMinDelayMs", "50"));
        await host.StartAsync();
        try
        {
            var journal = host.Services.GetRequiredService<IReceptionJournal>();
            Assert.True(File.Exists(Path.Combine(_dir, SqliteReceptionJournal.FileName)));
            Assert.Single(host.Services.GetServices<IHostedService>().OfType<ReceptionEventUploader>());

            journal.Append(ReceptionEvents.At(ReceptionEvents.Session(1), 1, "CitizenPresent"));
            await UploaderRig.WaitUntil(() => journal.PendingUpload == 0, "the event at the hub named by Edge:Media:Upload:HubUrl");
            Assert.Equal(ReceptionEvents.Session(1), Assert.Single(hub.Stored).SessionId);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void With_upload_disabled_the_journal_still_runs_and_nothing_is_sent()
    {
        using var host = Build(("Edge:ReceptionJournal:UploadEnabled", "false"), ("Edge:ReceptionJournal:Retention", "2.00:00:00"));

        Assert.Empty(host.Services.GetServices<IHostedService>().OfType<ReceptionEventUploader>());
        Assert.Equal(TimeSpan.FromDays(2), host.Services.GetRequiredService<IOptions<EdgeReceptionJournalOptions>>().Value.Retention);
        var journal = host.Services.GetRequiredService<IReceptionJournal>();
        journal.Append(ReceptionEvents.At(ReceptionEvents.Session(2), 1, "CitizenPresent"));
        Assert.Equal(1, journal.PendingUpload);
    }

    [Fact]
    public async Task A_retention_out_of_range_stops_the_host_at_start_with_the_sentence()
    {
        using var host = Build(("Edge:ReceptionJournal:Retention", "00:05:00"));
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Edge:ReceptionJournal:Retention is 00:05:00", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Edge:KioskId"] = ReceptionEvents.KioskId,
            ["Edge:DataDirectory"] = _dir,
            ["Edge:Mqtt:Host"] = "127.0.0.1",
            ["Edge:Mqtt:Password"] = UploaderRig.Password,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        // AddTcdEdge binds these in the service; the journal only reads them.
        builder.Services.AddOptions<EdgeOptions>().Bind(builder.Configuration.GetSection(EdgeOptions.SectionName));
        builder.AddReceptionJournal();
        return builder.Build();
    }
}
