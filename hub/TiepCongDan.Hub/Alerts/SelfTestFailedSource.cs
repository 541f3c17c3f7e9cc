namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// Where the self-test rule reads a kiosk's last self-test: true failed, false passed, null never
/// ran. Supplied at registration (AddFleetAlerts); without it the rule stays silent.
/// </summary>
public sealed class SelfTestFailedSource(Func<string, bool?>? failed)
{
    public Func<string, bool?>? Failed { get; } = failed;
}
