namespace TiepCongDan.Edge.Options;

/// <summary>
/// The simulation console (section "Edge:Simulation"), validated at start by
/// <see cref="EdgeSimulationOptionsValidator"/>: a loopback-only HTTP endpoint (and `tcd-edge sim`)
/// that drives the simulated card, buttons, camera and microphone from outside the process.
/// </summary>
public sealed class EdgeSimulationOptions
{
    public const string SectionName = "Edge:Simulation";

    /// <summary>The only address the console listens on: it can present a card and press buttons, so nothing off the machine may reach it.</summary>
    public const string LoopbackAddress = "127.0.0.1";

    public const int DefaultPort = 8790;

    /// <summary>False by default: a kiosk in a commune office has no business taking made-up cards. `./build.sh run` and demo kiosks turn it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>Must be 127.0.0.1.</summary>
    public string Address { get; set; } = LoopbackAddress;

    /// <summary>The TCP port on 127.0.0.1 (`tcd-edge sim --port` must match).</summary>
    public int Port { get; set; } = DefaultPort;
}
