using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// tcd-edge: the kiosk's systemd service. Configuration, later sources winning:
// appsettings.json (next to the binary), /etc/tcd-edge/edge.json, TCD_EDGE_* environment
// variables (TCD_EDGE_Edge__KioskId), command line (--Edge:KioskId=14-04171).
// `tcd-edge media record [--seconds N]` runs the same service, records and streams one session
// of N seconds at once (a technician's check of camera, microphone and uplink), then exits.
// `tcd-edge card read --qr|--mrz|--can ...` reads the chip ID card on the reader and exits; it
// needs pcscd only, not MQTT or the hub, so it runs before the service is configured.
// `tcd-edge sim ...` drives the simulated card, buttons, camera and microphone of the tcd-edge
// running here through its loopback simulation console (docs/simulation.md); it only calls it.
// `tcd-edge selftest ...`: the technician's check of every part (decision 0024); stop the service first.
// `tcd-edge update install|confirm|guard|status`: A/B releases with rollback (decision 0026).
// `tcd-edge firstboot [--bundle /boot/firmware/tcd-kiosk.bundle] [--code C]` installs the kiosk's
// provisioning bundle (decision 0023) and enrols.
const int ExConfig = 78;
if (TiepCongDan.Edge.Service.SimCommand.IsSimCommand(args))
{
    return await TiepCongDan.Edge.Service.SimCommand.RunAsync(args);
}

if (TiepCongDan.Edge.Service.SelfTestCommand.IsSelfTestCommand(args))
{
    return await TiepCongDan.Edge.Service.SelfTestCommand.RunAsync(args);
}

if (TiepCongDan.Edge.Service.UpdateCommand.IsUpdateCommand(args))
{
    return await TiepCongDan.Edge.Service.UpdateCommand.RunAsync(args);
}

if (TiepCongDan.Edge.Service.FirstBootCommand.IsFirstBootCommand(args))
{
    return await TiepCongDan.Edge.Service.FirstBootCommand.RunAsync(args);
}

if (CardReadCommand.IsCardCommand(args))
{
    return await CardReadCommand.RunAsync(args);
}

var record = MediaRecordCommand.TryParse(ref args);

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Configuration.AddJsonFile("/etc/tcd-edge/edge.json", optional: true, reloadOnChange: false);
builder.Configuration.AddEnvironmentVariables("TCD_EDGE_");
builder.Configuration.AddCommandLine(args);
builder.AddTcdEdge();

using var host = builder.Build();
try
{
    host.ValidateEdgeOptions();
}
catch (OptionsValidationException ex)
{
    // One line a technician can read in `systemctl status`; 78 = EX_CONFIG, so systemd's
    // RestartPreventExitStatus=78 can stop a restart loop on a wrong config.
    await Console.Error.WriteLineAsync("tcd-edge: configuration error: " + string.Join(" ", ex.Failures));
    return ExConfig;
}
catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
{
    // A number or true/false setting holding text, e.g. --Edge:Mqtt:Port=abc.
    await Console.Error.WriteLineAsync("tcd-edge: configuration error: " + ex.Message);
    return ExConfig;
}

if (record is not null)
{
    return await record.RunAsync(host);
}

await host.RunAsync();
return Environment.ExitCode;
