using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Media;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Journal;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Tests.Reception;

/// <summary>AddReception in a generic host, with the real SQLite journal under a temporary data directory.</summary>
public sealed class ReceptionHosting_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-reception-host-").FullName;
    private readonly FakeMediaNode _media = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Edge:KioskId"] = ReceptionRig.KioskId,
            ["Edge:DataDirectory"] = _dir,
            ["Edge:ReceptionJournal:UploadEnabled"] = "false",
            // No synthesiser in these tests: the player answers Suppressed.
            ["Edge:Voice:Enabled"] = "false",
            ["Edge:Voice:CacheDirectory"] = Path.Combine(_dir, "voice"),
            ["Edge:Reception:Staff"] = ReceptionRig.Staff,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        builder.Services.AddOptions<EdgeOptions>().Bind(builder.Configuration.GetSection(EdgeOptions.SectionName));
        builder.Services.AddSingleton<IMediaNode>(_media);
        builder.AddReception();
        return builder.Build();
    }

    [Fact]
    public async Task The_host_runs_one_coordinator_as_the_status_with_voice_and_journal_and_a_restart_closes_the_open_session_as_interrupted()
    {
        string sessionId;
        using (var host = Build())
        {
            await host.StartAsync();
            var flow = host.Services.GetRequiredService<ReceptionCoordinator>();
            Assert.Same(flow, host.Services.GetRequiredService<IReceptionStatus>());
            Assert.Contains(flow, host.Services.GetServices<IHostedService>());
            Assert.NotNull(host.Services.GetRequiredService<VoicePlayer>());
            Assert.Null(host.Services.GetService<ICitizenCardReader>());
            Assert.Equal(ReceptionRig.Staff, host.Services.GetRequiredService<IOptions<EdgeReceptionOptions>>().Value.Staff);
            await flow.Ready.WaitAsync(TimeSpan.FromSeconds(10));

            // No chip reader registered: the front QR identifies; then the four buttons are absent, so the flow waits in Identified.
            host.Services.GetRequiredService<CardSignalFeed>().Publish(new CardSignal(CardSignalKind.QrScanned, DateTimeOffset.UtcNow, ScriptedCardReader.Qr));
            await ReceptionRig.Until(() => flow.State == ReceptionState.Identified, "identified from the QR");
            sessionId = flow.SessionId!;
            await host.StopAsync();
        }

        // As after a kill: the journal on disk holds a session whose last event is not a return to Idle.
        using (var host = Build())
        {
            await host.StartAsync();
            var flow = host.Services.GetRequiredService<ReceptionCoordinator>();
            await flow.Ready.WaitAsync(TimeSpan.FromSeconds(10));
            var journal = host.Services.GetRequiredService<SqliteReceptionJournal>();

            Assert.Null(journal.OpenSessionTail());
            var events = journal.NextPending(100).Select(e => e.Event).Where(e => e.SessionId == sessionId).ToList();
            Assert.Equal([1, 2, 3], events.Select(e => e.Seq));
            Assert.Equal(ReceptionRig.Staff, events[0].Staff);
            Assert.Equal(ScriptedCardReader.IdNumber, events[1].Citizen!.IdNumber);
            Assert.Equal("Identified", events[2].From);
            Assert.Equal(ReceptionTriggers.Interrupted, events[2].Trigger);
            Assert.Equal(SessionOutcomes.Interrupted, events[2].Outcome);
            Assert.True(_media.Stops >= 1);
            Assert.Equal(ReceptionState.Idle, flow.State);
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_wrong_timeout_stops_the_host_at_start_with_the_sentence()
    {
        using var host = Build(("Edge:Reception:RatingSeconds", "0"));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Edge:Reception:RatingSeconds is 0: use 5 to 600 seconds.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_flow_registers_no_coordinator_and_no_voice()
    {
        using var host = Build(("Edge:Reception:Enabled", "false"));

        Assert.Null(host.Services.GetService<ReceptionCoordinator>());
        Assert.Null(host.Services.GetService<IReceptionStatus>());
        Assert.Null(host.Services.GetService<VoicePlayer>());
        Assert.NotNull(host.Services.GetService<IReceptionJournal>());
    }

    [Fact]
    public void The_background_voice_warmup_waits_the_configured_delay_and_zero_turns_it_off()
    {
        using (var host = Build(("Edge:Reception:VoiceWarmupDelaySeconds", "300")))
        {
            var warmup = host.Services.GetServices<IHostedService>().OfType<VoicePromptWarmup>().Single();
            Assert.Equal(TimeSpan.FromSeconds(300), warmup.Delay);
        }

        using (var host = Build(("Edge:Reception:VoiceWarmupDelaySeconds", "0")))
        {
            Assert.Empty(host.Services.GetServices<IHostedService>().OfType<VoicePromptWarmup>());
        }
    }
}
