using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.Provisioning;
using TiepCongDan.Edge.Provisioning;
using TiepCongDan.Hub.Ingest;
using TiepCongDan.Hub.Provisioning;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Provisioning;

/// <summary>
/// Issue 7's provisioning path end to end in one process: `tcd-hub provision` makes and registers
/// the bundle, first boot installs it into temporary /boot, /etc and /var/lib, the kiosk's real
/// host comes online on the hub from edge.json alone, and a revocation cuts it off everywhere.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KioskProvisioningTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_provisioned_bundle_installs_on_first_boot_and_the_kiosk_enrols_and_comes_online()
    {
        await using var hub = await ProvisioningHub.StartAsync();
        await using var kiosk = new ProvisionedKioskHost();
        var (kioskId, code, output) = await hub.ProvisionAsync("14", "04171", kiosk.Settings.BundlePath);

        Assert.Equal("14-04171", kioskId);
        Assert.True(File.Exists(kiosk.Settings.BundlePath), output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kiosk.Settings.BundlePath));
        var bundleText = await File.ReadAllTextAsync(kiosk.Settings.BundlePath);
        var password = hub.Get<Broker.FleetSecret>() is var secret ? Contracts.Fleet.DeviceCredentials.DerivePassword(secret.Bytes, kioskId) : null;
        Assert.DoesNotContain(password!, bundleText, StringComparison.Ordinal); // the secrets are encrypted, not merely encoded
        var registered = await RegistrationAsync(hub, kioskId);
        Assert.Null(registered.EnrolledAt);
        var bundlePublic = KioskBundle.Verify(await File.ReadAllBytesAsync(kiosk.Settings.BundlePath), null);
        Assert.Equal(bundlePublic.CertificateFingerprint, registered.CertificateFingerprint);
        Assert.Equal([new Uri(hub.BaseUrl).Host], bundlePublic.NtpServers); // no --ntp: the kiosk sets its clock from the hub's host

        var result = await FirstBoot.RunAsync(kiosk.Settings with { Code = code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) });

        Assert.True(result.Installed);
        Assert.True(result.Enrolled, result.EnrollProblem);
        Assert.False(File.Exists(kiosk.Settings.BundlePath), "the bundle must leave the boot partition");
        foreach (var file in new[] { "mqtt-password", "srt-passphrase", "client.key", "client.pem", "fleet-ca.pem" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(kiosk.Settings.SecretsDirectory, file)));
        }

        Assert.Equal(password, (await File.ReadAllTextAsync(Path.Combine(kiosk.Settings.SecretsDirectory, "mqtt-password"))).Trim());
        Assert.Equal(32, new FileInfo(Path.Combine(kiosk.Settings.DataDirectory, "keys", "media.key")).Length);
        Assert.Equal(32, new FileInfo(Path.Combine(kiosk.Settings.DataDirectory, "reception.key")).Length);
        using (var config = JsonDocument.Parse(await File.ReadAllTextAsync(kiosk.Settings.ConfigPath)))
        {
            var edge = config.RootElement.GetProperty("Edge");
            Assert.Equal(kioskId, edge.GetProperty("KioskId").GetString());
            Assert.Equal(hub.BaseUrl, edge.GetProperty("Media").GetProperty("Upload").GetProperty("HubUrl").GetString());
            Assert.Equal(hub.SrtPort, edge.GetProperty("Media").GetProperty("Srt").GetProperty("Port").GetInt32());
        }

        Assert.NotNull((await RegistrationAsync(hub, kioskId)).EnrolledAt);

        // A second run (the unit starting again) finds the kiosk installed and changes nothing.
        var again = await FirstBoot.RunAsync(kiosk.Settings);
        Assert.False(again.Installed);
        Assert.True(again.Enrolled);

        await kiosk.StartEdgeAsync();
        await Eventually.True(() => hub.Get<KioskRegistry>().Get(kioskId)?.Online == true, "the provisioned kiosk online on the hub", 45_000);
    }

    [Fact]
    public async Task A_revoked_kiosk_is_disconnected_from_mqtt_and_refused_again_and_its_http_api_is_refused()
    {
        await using var hub = await ProvisioningHub.StartAsync();
        await using var kiosk = new ProvisionedKioskHost();
        var (kioskId, code, _) = await hub.ProvisionAsync("26", "08998", kiosk.Settings.BundlePath);
        await FirstBoot.RunAsync(kiosk.Settings with { Code = code });
        await kiosk.StartEdgeAsync();
        var registry = hub.Get<KioskRegistry>();
        await Eventually.True(() => registry.Get(kioskId)?.Online == true, "the kiosk online before the revocation", 45_000);

        using (var revoke = await hub.Admin.PostAsJsonAsync($"api/kiosks/{kioskId}/revoke", new RevokeKioskRequest("card lost")))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        // The live session is closed by the hub (its Will marks it offline) and every reconnect is refused as revoked.
        await Eventually.True(() => registry.Get(kioskId)?.Online == false, "the revoked kiosk offline", 30_000);
        await Eventually.True(() => hub.Logs.Contains($"Revoked kiosk {kioskId} tried to connect"), "the kiosk's reconnect refused as revoked", 60_000);
        Assert.True(hub.Get<Metrics.HubMetrics>().RefusedConnections.Get("revoked") >= 1);
        Assert.True(hub.Logs.Contains($"AUDIT kiosk {kioskId} revoked by admin: card lost"));
        Assert.NotNull((await RegistrationAsync(hub, kioskId)).RevokedAt);

        // Its HTTP API (enrol; upload and reception use the same kiosk scheme) answers 403.
        var password = (await File.ReadAllTextAsync(Path.Combine(kiosk.Settings.SecretsDirectory, "mqtt-password"))).Trim();
        using var asKiosk = hub.Client(kioskId, password);
        using (var enrol = await asKiosk.PostAsync("api/kiosks/enroll", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, enrol.StatusCode);
        }

        // Provisioning the same id again is refused while it is revoked.
        using (var register = await hub.Admin.PostAsJsonAsync("api/kiosks/register", new RegisterKioskRequest(kioskId, "26", "08998", new string('A', 64))))
        {
            Assert.Equal(HttpStatusCode.Conflict, register.StatusCode);
        }
    }

    [Fact]
    public async Task A_revoked_kiosk_live_srt_stream_is_cut_and_a_new_srt_caller_is_refused_with_1403()
    {
        await using var hub = await ProvisioningHub.StartAsync();
        const string kioskId = "14-04172";
        var passphrase = MediaCredentials.DeriveSrtPassphrase(hub.Get<Broker.FleetSecret>().Bytes, kioskId);
        var bus = hub.Get<ILiveSessionBus>();
        var session = MediaSessionId.New(kioskId, DateTimeOffset.UtcNow);
        using var live = Connect(hub, kioskId, session, passphrase);
        await Eventually.True(() => bus.Sessions.Any(s => s.KioskId == kioskId), "the kiosk's live session on the hub", 15_000);

        using (var revoke = await hub.Admin.PostAsJsonAsync($"api/kiosks/{kioskId}/revoke", new RevokeKioskRequest(null)))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        await Eventually.True(() => hub.Logs.Contains($"Revoked kiosk {kioskId}: MQTT session closed=False, SRT ingest connections cut=1"), "the hub cutting the ingest connection", 15_000);
        await Eventually.True(() => !live.IsConnected, "the kiosk's SRT caller to see the connection closed", 30_000);

        var refused = Assert.Throws<SrtConnectException>(() => Connect(hub, kioskId, MediaSessionId.New(kioskId, DateTimeOffset.UtcNow), passphrase));
        Assert.Equal((SrtRejectReason.PeerRejected, 1403), (refused.Reason, refused.UserCode));
        Assert.True(hub.Get<IngestMetrics>().Refusals.Get("revoked") >= 1);
    }

    [Fact]
    public async Task Revocations_survive_a_restart_of_the_hub()
    {
        await using var first = await ProvisioningHub.StartAsync();
        using (var revoke = await first.Admin.PostAsJsonAsync("api/kiosks/14-04173/revoke", new RevokeKioskRequest("stolen")))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        var db = new Storage.HubDatabase(first.DataDirectory);
        try
        {
            Assert.Contains("14-04173", KioskRegistrationStore.StoredRevocations(db));
        }
        finally
        {
            db.Dispose();
        }

        Assert.True(first.Get<Broker.BrokerAuthorizer>().IsRevoked("14-04173"));
        Assert.Equal("revoked", first.Get<Broker.BrokerAuthorizer>().CheckConnect("14-04173", "14-04173",
            Contracts.Fleet.DeviceCredentials.DerivePassword(first.Get<Broker.FleetSecret>().Bytes, "14-04173"), null).Reason);
    }

    private static SrtConnection Connect(ProvisioningHub hub, string kioskId, string session, string passphrase) =>
        SrtConnection.Connect(new SrtCallerOptions
        {
            Host = "127.0.0.1",
            Port = hub.SrtPort,
            StreamId = SrtStreamId.Publish(kioskId, session).ToString(),
            Passphrase = passphrase,
            ConnectTimeoutMs = 5000,
        });

    private static async Task<KioskRegistrationDto> RegistrationAsync(ProvisioningHub hub, string kioskId)
    {
        var all = await hub.Admin.GetFromJsonAsync<List<KioskRegistrationDto>>("api/kiosks/registrations", Web);
        return Assert.Single(all!, r => r.KioskId == kioskId);
    }
}
