using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;
using MQTTnet.Server;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Ingest;

namespace TiepCongDan.Hub.Provisioning;

/// <summary>
/// Makes a revocation bite at once: new connections are refused by the rules that read
/// <see cref="RevokedKiosks"/>; this closes what is already open: the kiosk's MQTT session on the
/// embedded broker (with "administrative action", so the broker sends its NDEATH Will and the
/// fleet page shows it offline) and its SRT ingest connections (the live session ends, and with it
/// the bridge's return stream). On an external broker only the hub's own checks apply.
/// </summary>
internal sealed class RevocationEnforcer : IHostedService
{
    private readonly RevokedKiosks _revoked;
    private readonly IServiceProvider _services;
    private readonly ILogger<RevocationEnforcer> _logger;

    public RevocationEnforcer(RevokedKiosks revoked, IServiceProvider services, ILogger<RevocationEnforcer> logger)
    {
        _revoked = revoked;
        _services = services;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _revoked.KioskRevoked += OnRevoked;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _revoked.KioskRevoked -= OnRevoked;
        return Task.CompletedTask;
    }

    /// <summary>Closes the kiosk's open sessions; awaited by the revoke endpoint so its answer means "cut".</summary>
    public async Task CutAsync(string kioskId)
    {
        try
        {
            var srt = _services.GetService<SrtIngestService>()?.CutKiosk(kioskId) ?? 0;
            var mqtt = false;
            if (_services.GetService<MqttServer>() is { IsStarted: true } server)
            {
                foreach (var client in await server.GetClientsAsync())
                {
                    if (client.Id == kioskId)
                    {
                        await client.DisconnectAsync(new MqttServerClientDisconnectOptions
                        {
                            ReasonCode = MqttDisconnectReasonCode.AdministrativeAction,
                            ReasonString = "revoked",
                        });
                        mqtt = true;
                    }
                }
            }

            ProvisioningLog.SessionsCut(_logger, kioskId, mqtt, srt);
        }
        catch (Exception e)
        {
            ProvisioningLog.CutFailed(_logger, kioskId, e);
        }
    }

    private void OnRevoked(string kioskId) => _ = Task.Run(() => CutAsync(kioskId));
}
