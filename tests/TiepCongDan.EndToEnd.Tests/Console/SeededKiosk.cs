namespace TiepCongDan.EndToEnd.Tests.OperatorConsole;

/// <summary>One kiosk of the console tests' fleet and what it reports in its birth.</summary>
public sealed record SeededKiosk(string Id, bool CameraAbsent = false, bool ClockUnsynced = false, string? SessionId = null)
{
    public string Province => Id[..2];

    public string Commune => Id.Substring(3, 5);

    /// <summary>Degraded as the console judges it: online with a problem a citizen would notice.</summary>
    public bool Degraded => CameraAbsent || ClockUnsynced;
}
