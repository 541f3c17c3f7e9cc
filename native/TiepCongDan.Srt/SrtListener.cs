using System.Collections.Concurrent;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Srt.Interop;

namespace TiepCongDan.Srt;

/// <summary>
/// An SRT listener whose every handshake goes through a managed decision (stream id and peer →
/// accept with this caller's passphrase, or reject with a code), via srt_listen_callback.
/// The decision runs on libsrt's receive thread: keep it quick and non-blocking. Accept and
/// AcceptAsync may be called from any one thread at a time.
/// </summary>
public sealed class SrtListener : IDisposable
{
    // The hook finds its listener by id rather than through a GCHandle: a handshake already on
    // libsrt's thread when Dispose runs then finds nothing and refuses, instead of touching a freed handle.
    private static readonly ConcurrentDictionary<nint, SrtListener> Live = new();
    private static long nextId;

    private readonly Func<SrtHandshake, SrtAcceptDecision> decide;
    private readonly ILogger logger;
    private readonly nint id = (nint)Interlocked.Increment(ref nextId);
    private int socket;

    private SrtListener(Func<SrtHandshake, SrtAcceptDecision> decide, ILogger logger)
    {
        this.decide = decide;
        this.logger = logger;
    }

    public int Port { get; private set; }

    /// <summary>The latency every accepted connection offers (the larger of both sides wins).</summary>
    public int LatencyMs { get; private init; }

    /// <summary>Binds 0.0.0.0:<paramref name="port"/> (or <paramref name="bindAddress"/>) and starts listening.</summary>
    public static unsafe SrtListener Start(int port, Func<SrtHandshake, SrtAcceptDecision> decide, int latencyMs = 120, ILogger? logger = null, IPAddress? bindAddress = null)
    {
        ArgumentNullException.ThrowIfNull(decide);
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "SRT listener port must be 1-65535.");
        }

        SrtApi.EnsureStarted();
        var listener = new SrtListener(decide, logger ?? NullLogger.Instance) { LatencyMs = latencyMs };
        var s = SrtNative.CreateSocket();
        if (s == SrtNative.InvalidSocket)
        {
            throw new SrtException("Cannot create an SRT socket: " + SrtApi.LastErrorMessage(), SrtApi.LastErrorCode());
        }

        listener.socket = s;
        try
        {
            SrtApi.SetInt(s, SrtOption.TransType, 0);
            SrtApi.SetInt(s, SrtOption.Latency, latencyMs);

            // Non-blocking accept so AcceptAsync can be cancelled; accepted sockets are switched back to blocking.
            SrtApi.SetBool(s, SrtOption.ReceiveSync, false);
            var address = SockAddrIn.From(new IPEndPoint(bindAddress ?? IPAddress.Any, port));
            if (SrtNative.Bind(s, &address, sizeof(SockAddrIn)) == SrtNative.Error)
            {
                throw new SrtException($"Cannot bind SRT port {port}: {SrtApi.LastErrorMessage()}", SrtApi.LastErrorCode());
            }

            Live[listener.id] = listener;
            if (SrtNative.ListenCallback(s, &OnHandshake, listener.id) == SrtNative.Error)
            {
                throw new SrtException("srt_listen_callback failed: " + SrtApi.LastErrorMessage(), SrtApi.LastErrorCode());
            }

            if (SrtNative.Listen(s, 16) == SrtNative.Error)
            {
                throw new SrtException($"Cannot listen on SRT port {port}: {SrtApi.LastErrorMessage()}", SrtApi.LastErrorCode());
            }

            listener.Port = port;
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a caller that the decision accepted.</summary>
    /// <exception cref="TimeoutException">Nobody connected in time.</exception>
    public SrtConnection Accept(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            if (TryAccept() is { } connection)
            {
                return connection;
            }

            if (Environment.TickCount64 >= deadline)
            {
                throw new TimeoutException($"No SRT caller on port {Port} within {timeout.TotalSeconds:0.#} s.");
            }

            Thread.Sleep(10);
        }
    }

    public async Task<SrtConnection> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (TryAccept() is { } connection)
            {
                return connection;
            }

            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        var s = Interlocked.Exchange(ref socket, SrtNative.InvalidSocket);
        if (s != SrtNative.InvalidSocket)
        {
            _ = SrtNative.Close(s);
        }

        _ = Live.TryRemove(id, out _);
    }

    private unsafe SrtConnection? TryAccept()
    {
        var s = Volatile.Read(ref socket);
        ObjectDisposedException.ThrowIf(s == SrtNative.InvalidSocket, this);
        var address = stackalloc byte[128];
        var length = 128;
        var accepted = SrtNative.Accept(s, address, &length);
        if (accepted == SrtNative.InvalidSocket)
        {
            var code = SrtApi.LastErrorCode();
            return code == SrtApi.ErrorAsyncReceive
                ? null
                : throw new SrtException("SRT accept failed: " + SrtApi.LastErrorMessage(), code);
        }

        try
        {
            SrtApi.SetBool(accepted, SrtOption.ReceiveSync, true);
            return new SrtConnection(accepted, SrtApi.GetString(accepted, SrtOption.StreamId), SockAddrIn.Read((nint)address));
        }
        catch
        {
            _ = SrtNative.Close(accepted);
            throw;
        }
    }

    [UnmanagedCallersOnly]
    private static int OnHandshake(nint opaque, int acceptedSocket, int handshakeVersion, nint peerAddress, nint streamId)
    {
        // Exceptions must not unwind into libsrt: every path returns 0 or -1.
        try
        {
            if (!Live.TryGetValue(opaque, out var listener))
            {
                _ = SrtNative.SetRejectReason(acceptedSocket, 1503);
                return -1;
            }

            var handshake = new SrtHandshake(Marshal.PtrToStringUTF8(streamId) ?? string.Empty, SockAddrIn.Read(peerAddress));
            SrtAcceptDecision decision;
            try
            {
                decision = listener.decide(handshake);
            }
            catch (Exception e)
            {
                SrtListenerLog.DecisionFailed(listener.logger, listener.Port, e);
                _ = SrtNative.SetRejectReason(acceptedSocket, 1500);
                return -1;
            }

            if (!decision.Accepted)
            {
                SrtListenerLog.Rejected(listener.logger, listener.Port, handshake.Peer.ToString(), decision.RejectCode);
                _ = SrtNative.SetRejectReason(acceptedSocket, decision.RejectCode);
                return -1;
            }

            if (decision.Passphrase is not null)
            {
                SrtApi.SetString(acceptedSocket, SrtOption.Passphrase, decision.Passphrase);
            }

            return 0;
        }
        catch
        {
            _ = SrtNative.SetRejectReason(acceptedSocket, 1500);
            return -1;
        }
    }
}
