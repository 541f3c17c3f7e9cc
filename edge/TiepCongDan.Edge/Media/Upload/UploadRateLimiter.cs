namespace TiepCongDan.Edge.Media.Upload;

/// <summary>
/// Paces chunks to an average byte rate: each chunk books its share of time and the next one waits
/// until that time has passed. Not thread-safe (one uploader loop).
/// </summary>
internal sealed class UploadRateLimiter
{
    private readonly long? _bytesPerSecond;
    private readonly TimeProvider _time;
    private DateTimeOffset _nextSendAt = DateTimeOffset.MinValue;

    public UploadRateLimiter(long? bytesPerSecond, TimeProvider time)
    {
        _bytesPerSecond = bytesPerSecond;
        _time = time;
    }

    public async Task WaitAsync(int bytes, CancellationToken cancellationToken)
    {
        if (_bytesPerSecond is not { } rate || bytes == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (_nextSendAt > now)
        {
            await Task.Delay(_nextSendAt - now, _time, cancellationToken);
            now = _nextSendAt;
        }

        _nextSendAt = now + TimeSpan.FromSeconds((double)bytes / rate);
    }
}
