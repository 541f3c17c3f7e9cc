namespace TiepCongDan.Hub.Media;

/// <summary>
/// One async lock per segment, striped over a fixed set so memory stays bounded however many
/// segments pass: two PATCHes of the same segment never interleave; unrelated segments rarely wait.
/// </summary>
internal sealed class SegmentLocks
{
    private readonly SemaphoreSlim[] _stripes;

    public SegmentLocks(int stripes = 256)
    {
        _stripes = new SemaphoreSlim[stripes];
        for (var i = 0; i < stripes; i++)
        {
            _stripes[i] = new SemaphoreSlim(1, 1);
        }
    }

    public async Task<IDisposable> AcquireAsync(SegmentKey key, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key.RowId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
