namespace TiepCongDan.Edge.Health;

/// <summary>Reads the kiosk's health. Called from one loop at a time; must not block for long (no processes spawned).</summary>
public interface IHealthSampler
{
    HealthSample Sample();
}
