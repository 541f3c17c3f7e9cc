using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.OperatorConsole;

/// <summary>Counts of a group of kiosks: online includes the degraded and those in session; online + offline = total.</summary>
public sealed record KioskCountsDto(int Total, int Online, int Degraded, int Offline, int InSession)
{
    public static KioskCountsDto Of(IReadOnlyCollection<KioskSnapshot> kiosks)
    {
        ArgumentNullException.ThrowIfNull(kiosks);
        var online = kiosks.Count(k => k.Online);
        return new(kiosks.Count, online, kiosks.Count(KioskHealth.IsDegraded), kiosks.Count - online,
            kiosks.Count(k => k.Online && AlertInputs.InSession(k)));
    }
}
