using System.Collections.Concurrent;
using System.Net;

namespace TiepCongDan.Hub.Tests.Media;

/// <summary>
/// Sits between the uploader and the network: counts PATCH body bytes put on the wire per segment, and
/// once breaks the link after <see cref="CutAfterBytes"/> bytes in total, in the middle of a body.
/// </summary>
public sealed class LinkCutHandler : DelegatingHandler
{
    private long _sent;
    private int _cut;

    public LinkCutHandler(long cutAfterBytes = long.MaxValue)
        : base(new SocketsHttpHandler())
    {
        CutAfterBytes = cutAfterBytes;
    }

    public long CutAfterBytes { get; }

    public long BytesSent => Interlocked.Read(ref _sent);

    public bool HasCut => Volatile.Read(ref _cut) == 1;

    /// <summary>PATCH requests per segment path.</summary>
    public ConcurrentDictionary<string, int> Patches { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Patch && request.Content is { } original)
        {
            Patches.AddOrUpdate(request.RequestUri!.ToString(), 1, (_, n) => n + 1);
            var bytes = await original.ReadAsByteArrayAsync(cancellationToken);
            var allowed = bytes.Length;
            var cut = false;
            if (_sent + bytes.Length > CutAfterBytes && Interlocked.Exchange(ref _cut, 1) == 0)
            {
                allowed = (int)Math.Max(1, CutAfterBytes - _sent);
                cut = true;
            }

            var replacement = new CuttingContent(bytes, allowed, cut);
            foreach (var header in original.Headers.Where(h => h.Key != "Content-Length"))
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = replacement;
            Interlocked.Add(ref _sent, allowed);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private sealed class CuttingContent(byte[] bytes, int allowed, bool cut) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, allowed));
            await stream.FlushAsync();
            if (cut)
            {
                // Give the hub a moment to read what arrived before the link dies.
                await Task.Delay(200);
                throw new IOException("Simulated link cut in the middle of a segment upload.");
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
