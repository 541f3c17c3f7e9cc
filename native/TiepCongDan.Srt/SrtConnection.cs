using System.Net;
using System.Net.Sockets;
using TiepCongDan.Srt.Interop;

namespace TiepCongDan.Srt;

/// <summary>
/// One connected SRT socket in live mode (messages of at most 1316 bytes, blocking calls).
/// Thread safety: one thread may <see cref="Send"/>, another <see cref="Receive"/>, and any thread
/// may call <see cref="GetStats"/> or <see cref="IsConnected"/> at the same time (libsrt locks
/// internally). <see cref="Dispose"/> from another thread wakes a blocked Receive.
/// </summary>
public sealed unsafe class SrtConnection : IDisposable
{
    /// <summary>Seven MPEG-TS packets: the live-mode payload size.</summary>
    public const int MaxMessageBytes = 1316;

    private int socket;

    internal SrtConnection(int socket, string streamId, IPEndPoint peer)
    {
        this.socket = socket;
        StreamId = streamId;
        Peer = peer;
    }

    /// <summary>The stream id the caller sent (empty when none).</summary>
    public string StreamId { get; }

    public IPEndPoint Peer { get; }

    public bool IsConnected
    {
        get
        {
            var s = Volatile.Read(ref socket);
            return s != SrtNative.InvalidSocket && SrtNative.GetSockState(s) == SrtNative.SocketStatusConnected;
        }
    }

    /// <summary>Connects as a caller; blocks up to <see cref="SrtCallerOptions.ConnectTimeoutMs"/> (plus DNS).</summary>
    /// <exception cref="SrtConnectException">Refused, timed out or unreachable; <see cref="SrtConnectException.Reason"/> says which.</exception>
    public static SrtConnection Connect(SrtCallerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        SrtApi.EnsureStarted();
        var endPoint = Resolve(options.Host, options.Port);
        var s = SrtNative.CreateSocket();
        if (s == SrtNative.InvalidSocket)
        {
            throw new SrtConnectException($"Cannot create an SRT socket: {SrtApi.LastErrorMessage()}", SrtRejectReason.Resource, null);
        }

        try
        {
            SrtApi.SetInt(s, SrtOption.TransType, 0); // SRTT_LIVE
            SrtApi.SetInt(s, SrtOption.Latency, options.LatencyMs);
            SrtApi.SetInt(s, SrtOption.ConnectTimeout, options.ConnectTimeoutMs);
            SrtApi.SetInt(s, SrtOption.PeerIdleTimeout, options.PeerIdleTimeoutMs);
            if (options.StreamId is not null)
            {
                SrtApi.SetString(s, SrtOption.StreamId, options.StreamId);
            }

            if (options.Passphrase is not null)
            {
                SrtApi.SetInt(s, SrtOption.KeyLength, options.KeyLengthBytes);
                SrtApi.SetString(s, SrtOption.Passphrase, options.Passphrase);
            }

            var address = SockAddrIn.From(endPoint);
            if (SrtNative.Connect(s, &address, sizeof(SockAddrIn)) == SrtNative.Error)
            {
                throw ConnectFailure(s, $"srt://{options.Host}:{options.Port}");
            }

            return new SrtConnection(s, options.StreamId ?? string.Empty, endPoint);
        }
        catch
        {
            _ = SrtNative.Close(s);
            throw;
        }
    }

    public static Task<SrtConnection> ConnectAsync(SrtCallerOptions options, CancellationToken cancellationToken = default) =>
        Task.Run(() => Connect(options), cancellationToken);

    /// <summary>Sends one message (live mode: at most <see cref="MaxMessageBytes"/>). Blocks only while SRT's send buffer is full.</summary>
    public void Send(ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty || message.Length > MaxMessageBytes)
        {
            throw new ArgumentException($"An SRT live message is 1-{MaxMessageBytes} bytes; got {message.Length}.", nameof(message));
        }

        var control = SrtMsgCtrl.Default;
        fixed (byte* p = message)
        {
            if (SrtNative.SendMsg2(Handle(), p, message.Length, &control) == SrtNative.Error)
            {
                throw new SrtException("SRT send failed: " + SrtApi.LastErrorMessage(), SrtApi.LastErrorCode());
            }
        }
    }

    /// <summary>
    /// Receives one message into <paramref name="buffer"/> (give it at least 1456 bytes). Returns 0
    /// when the connection is closed or broken; throws <see cref="TimeoutException"/> after
    /// <see cref="SetReceiveTimeout"/> elapses without data.
    /// </summary>
    public int Receive(Span<byte> buffer)
    {
        var control = SrtMsgCtrl.Default;
        var s = Volatile.Read(ref socket);
        if (s == SrtNative.InvalidSocket)
        {
            return 0;
        }

        int received;
        fixed (byte* p = buffer)
        {
            received = SrtNative.RecvMsg2(s, p, buffer.Length, &control);
        }

        if (received != SrtNative.Error)
        {
            return received;
        }

        var code = SrtApi.LastErrorCode();
        return code switch
        {
            SrtApi.ErrorConnectionLost or SrtApi.ErrorNoConnection or SrtApi.ErrorInvalidSocket or SrtApi.ErrorSocketClosed => 0,
            SrtApi.ErrorAsyncReceive or SrtApi.ErrorTimeout => throw new TimeoutException("No SRT data within the receive timeout."),
            _ => throw new SrtException("SRT receive failed: " + SrtApi.LastErrorMessage(), code),
        };
    }

    /// <summary>How long <see cref="Receive"/> waits; null waits for ever.</summary>
    public void SetReceiveTimeout(TimeSpan? timeout) =>
        SrtApi.SetInt(Handle(), SrtOption.ReceiveTimeout, timeout is null ? -1 : (int)Math.Max(1, timeout.Value.TotalMilliseconds));

    /// <summary>Reads the statistics; <paramref name="clear"/> restarts the interval counters.</summary>
    public SrtStats GetStats(bool clear)
    {
        SrtPerfMon m;
        if (SrtNative.BStats(Handle(), &m, clear ? 1 : 0) == SrtNative.Error)
        {
            throw new SrtException("srt_bstats failed: " + SrtApi.LastErrorMessage(), SrtApi.LastErrorCode());
        }

        return new SrtStats
        {
            ElapsedMs = m.MsTimeStamp,
            RttMs = m.MsRtt,
            BandwidthMbps = m.MbpsBandwidth,
            SendRateMbps = m.MbpsSendRate,
            ReceiveRateMbps = m.MbpsRecvRate,
            PacketsSent = m.PktSent,
            PacketsReceived = m.PktRecv,
            AcksReceived = m.PktRecvAck,
            PacketsSendLoss = m.PktSndLoss,
            PacketsReceiveLoss = m.PktRcvLoss,
            PacketsRetransmitted = m.PktRetrans,
            PacketsSendDropped = m.PktSndDrop,
            PacketsReceiveDropped = m.PktRcvDrop,
            BytesSent = (long)m.ByteSent,
            BytesReceived = (long)m.ByteRecv,
            PacketsSentTotal = m.PktSentTotal,
            PacketsReceivedTotal = m.PktRecvTotal,
            PacketsSendLossTotal = m.PktSndLossTotal,
            PacketsReceiveLossTotal = m.PktRcvLossTotal,
            PacketsRetransmittedTotal = m.PktRetransTotal,
            PacketsSendDroppedTotal = m.PktSndDropTotal,
            PacketsReceiveDroppedTotal = m.PktRcvDropTotal,
            BytesSentTotal = (long)m.ByteSentTotal,
            BytesReceivedTotal = (long)m.ByteRecvTotal,
            SendBufferMs = m.MsSndBuf,
            SendBufferPackets = m.PktSndBuf,
            SendBufferBytes = m.ByteSndBuf,
            ReceiveBufferMs = m.MsRcvBuf,
            ReceiveBufferPackets = m.PktRcvBuf,
            LatencyMs = Math.Max(m.MsSndTsbPdDelay, m.MsRcvTsbPdDelay),
            FlightSizePackets = m.PktFlightSize,
        };
    }

    public void Dispose()
    {
        var s = Interlocked.Exchange(ref socket, SrtNative.InvalidSocket);
        if (s != SrtNative.InvalidSocket)
        {
            _ = SrtNative.Close(s);
        }
    }

    public override string ToString() => $"SRT {Peer}";

    internal static SrtConnectException ConnectFailure(int s, string target)
    {
        var error = SrtApi.LastErrorCode();
        var errorText = SrtApi.LastErrorMessage();
        var raw = SrtNative.GetRejectReason(s);
        if (raw >= 1000)
        {
            return new SrtConnectException($"{target} refused the connection with code {raw}.", SrtRejectReason.PeerRejected, raw);
        }

        var reason = Enum.IsDefined((SrtRejectReason)raw) ? (SrtRejectReason)raw : SrtRejectReason.Unknown;
        if (error == SrtApi.ErrorNoServer && reason == SrtRejectReason.Unknown)
        {
            reason = SrtRejectReason.Timeout;
        }

        return new SrtConnectException($"Cannot connect to {target}: {SrtApi.RejectReasonText(raw)} ({errorText}).", reason, null);
    }

    private int Handle()
    {
        var s = Volatile.Read(ref socket);
        return s != SrtNative.InvalidSocket ? s : throw new ObjectDisposedException(nameof(SrtConnection));
    }

    private static IPEndPoint Resolve(string host, int port)
    {
        if (IPAddress.TryParse(host, out var ip))
        {
            return new IPEndPoint(ip, port);
        }

        try
        {
            var addresses = Dns.GetHostAddresses(host, AddressFamily.InterNetwork);
            return addresses.Length > 0
                ? new IPEndPoint(addresses[0], port)
                : throw new SrtConnectException($"Host {host} has no IPv4 address.", SrtRejectReason.System, null);
        }
        catch (SocketException e)
        {
            throw new SrtConnectException($"Cannot resolve {host}: {e.Message}", SrtRejectReason.System, null);
        }
    }
}
