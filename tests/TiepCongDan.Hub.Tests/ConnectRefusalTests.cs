using MQTTnet;
using MQTTnet.Adapter;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

public sealed class ConnectRefusalTests
{
    private static async Task<MqttClientConnectResultCode> TryConnect(TestHub hub, string clientId, string? username, string? password)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        MqttClientConnectResult? result = null;
        client.DisconnectedAsync += e =>
        {
            result ??= e.ConnectResult;
            return Task.CompletedTask;
        };
        try
        {
            return (await client.ConnectAsync(TestKiosk.Options(hub.MqttPort, clientId, username, password, 0).Build())).ResultCode;
        }
        catch (MqttConnectingFailedException ex)
        {
            return result?.ResultCode ?? throw new InvalidOperationException("Connect failed without a CONNACK: " + ex.Message, ex);
        }
    }

    [Fact]
    public async Task Wrong_password_other_kiosks_password_mismatched_client_id_and_revoked_kiosks_are_refused()
    {
        await using var hub = await TestHub.StartAsync("--Hub:Fleet:RevokedKiosks:0=14-04179");

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await TryConnect(hub, "14-04171", "14-04171", "wrong"));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await TryConnect(hub, "14-04171", "14-04171", hub.KioskPassword("14-04172")));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await TryConnect(hub, "14-04171", "14-04172", hub.KioskPassword("14-04172")));
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, await TryConnect(hub, "not-a-kiosk", "not-a-kiosk", "x"));
        Assert.Equal(MqttClientConnectResultCode.Banned, await TryConnect(hub, "14-04179", "14-04179", hub.KioskPassword("14-04179")));
        Assert.Equal(MqttClientConnectResultCode.Success, await TryConnect(hub, "14-04171", "14-04171", hub.KioskPassword("14-04171")));

        Assert.Equal(1, hub.Metrics.RefusedConnections.Get("revoked"));
        Assert.Equal(2, hub.Metrics.RefusedConnections.Get("bad-password"));
        Assert.True(hub.Logs.Contains("Revoked kiosk 14-04179 tried to connect"));
    }
}
