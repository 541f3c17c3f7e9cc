using System.Collections.Frozen;

namespace TiepCongDan.Hub.Broker;

/// <summary>
/// The kiosks the hub refuses everywhere: the static Hub:Fleet:RevokedKiosks plus those an admin
/// revoked at run time (stored by the provisioning registry). Reads are lock-free (a frozen set
/// swapped on change), because every MQTT CONNECT, SRT handshake and kiosk HTTP request asks.
/// <see cref="KioskRevoked"/> fires once per newly revoked kiosk, so live sessions can be cut.
/// </summary>
public sealed class RevokedKiosks
{
    private readonly Lock _gate = new();
    private FrozenSet<string> _set;

    public RevokedKiosks(IEnumerable<string> initial)
    {
        _set = initial.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Raised on the revoking thread after the kiosk is in the set.</summary>
    public event Action<string>? KioskRevoked;

    public IReadOnlyCollection<string> All => Volatile.Read(ref _set);

    public bool Contains(string kioskId) => Volatile.Read(ref _set).Contains(kioskId);

    /// <summary>Adds the kiosk; true when it was not revoked before.</summary>
    public bool Add(string kioskId)
    {
        lock (_gate)
        {
            if (_set.Contains(kioskId))
            {
                return false;
            }

            Volatile.Write(ref _set, _set.Append(kioskId).ToFrozenSet(StringComparer.Ordinal));
        }

        KioskRevoked?.Invoke(kioskId);
        return true;
    }
}
