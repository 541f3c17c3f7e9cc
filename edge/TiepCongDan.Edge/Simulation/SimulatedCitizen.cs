namespace TiepCongDan.Edge.Simulation;

/// <summary>A built-in made-up citizen: the short name `tcd-edge sim card --citizen` takes, and their card.</summary>
public sealed record SimulatedCitizen(string Key, SimulatedCard Card);
