namespace TiepCongDan.Hub.SelfTest;

/// <summary>Remembers that the self-test routes are mapped, so a second MapSelfTestEndpoints (a test host and HubApp both) maps nothing twice.</summary>
internal sealed class SelfTestEndpointsMarker
{
    private int _mapped;

    public bool TryMark() => Interlocked.Exchange(ref _mapped, 1) == 0;
}
