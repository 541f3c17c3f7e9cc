namespace TiepCongDan.Edge.Options;

/// <summary>Which device adapters run (section "Edge:Devices").</summary>
public sealed class EdgeDevicesOptions
{
    public const string SimulatedMode = "Simulated";

    public static IReadOnlyList<string> AllowedModes { get; } = [SimulatedMode];

    public string Mode { get; set; } = SimulatedMode;
}
