using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Card.Service;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Devices;
using TiepCongDan.Edge.Devices.Simulated;
using TiepCongDan.Edge.Health;
using TiepCongDan.Edge.Media.Session;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Edge.Store;

namespace TiepCongDan.Edge.Hosting;

/// <summary>Builds the service's one <see cref="EdgeNode"/> from validated options.</summary>
internal static class EdgeNodeFactory
{
    public static EdgeNode Create(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<EdgeOptions>>().Value;
        var settings = ToSettings(options);
        IDevicePortSet devices = new SimulatedDevicePortSet(options.SimulatedDevicesFile, sp.CreateLogger("TiepCongDan.Edge.Devices"));
        MediaService? media = null;
        if (options.Media.Enabled)
        {
            media = sp.GetRequiredService<MediaService>();
            devices = new MediaDevicePortSet(devices, media);
        }

        if (sp.GetService<CardReaderService>() is { } cardReader)
        {
            devices = new CardReaderDevicePortSet(devices, cardReader.Health);
        }

        if (sp.GetService<ButtonPanel>() is { } panel)
        {
            devices = new ButtonPanelDevicePortSet(devices, panel.Port);
        }

        return new EdgeNode(
            settings,
            sp.GetRequiredService<IHealthSampler>(),
            devices,
            sp.GetRequiredService<IOutboxStore>(),
            sp.GetRequiredService<IBdSeqStore>(),
            sp.GetRequiredService<INodeControl>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.CreateLogger(typeof(EdgeNode).FullName!),
            sp.GetRequiredService<IEventJournal>(),
            media: media);
    }

    public static EdgeNodeSettings ToSettings(EdgeOptions options) => new()
    {
        KioskId = options.KioskId,
        CommuneCode = options.Commune,
        Host = options.Mqtt.Host,
        Port = options.Mqtt.Port,
        UseTls = options.Mqtt.UseTls,
        Username = options.MqttUsername,
        Password = ReadPassword(options.Mqtt),
        ClientCertificate = options.Mqtt.HasClientCertificate
            ? MqttCertificateFiles.LoadClient(options.Mqtt.ClientCertificatePath!, options.Mqtt.ClientKeyPath!)
            : null,
        TrustedCa = string.IsNullOrWhiteSpace(options.Mqtt.CaCertificatePath) ? null : MqttCertificateFiles.LoadCa(options.Mqtt.CaCertificatePath),
        KeepAlive = TimeSpan.FromSeconds(options.Mqtt.KeepAliveSeconds),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(options.Mqtt.ReconnectMinDelayMs),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(options.Mqtt.ReconnectMaxDelayMs),
        ConnectionCheckInterval = TimeSpan.FromSeconds(options.Mqtt.ConnectionCheckSeconds),
        ReportInterval = TimeSpan.FromSeconds(options.Health.ReportIntervalSeconds),
        PrimaryHostId = options.Mqtt.PrimaryHostId,
        LowDiskBytes = options.Health.LowDiskBytes,
        ServiceVersion = ServiceVersion.Current,
    };

    /// <summary>Empty when only a client certificate is configured (the validator allows that).</summary>
    private static string ReadPassword(EdgeMqttOptions mqtt) =>
        !string.IsNullOrEmpty(mqtt.Password) ? mqtt.Password
        : !string.IsNullOrWhiteSpace(mqtt.PasswordFile) ? File.ReadLines(mqtt.PasswordFile).First().Trim()
        : string.Empty;
}
