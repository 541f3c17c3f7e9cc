using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;

namespace TiepCongDan.CardSim.Vpcd;

/// <summary>
/// Puts an <see cref="IVirtualCard"/> "on" a vpcd virtual reader: connecting to the reader's port
/// is inserting the card, closing the connection is removing it. Speaks vpcd's protocol (2-byte
/// big-endian length, then the payload; 1-byte control messages 0 power off, 1 power on, 2 reset,
/// 4 get ATR; anything longer is a command APDU answered with the response APDU) on a thread of its
/// own. Faults for tests: <see cref="PullAfterCommands"/> (card pulled out mid-read) and
/// <see cref="StallNextCommand"/> (a card that never answers).
/// </summary>
public sealed class VpcdCardClient : IDisposable
{
    private readonly IVirtualCard _card;
    private readonly string _host;
    private readonly Lock _gate = new();
    private readonly List<VpcdExchange> _transcript = [];
    private Socket? _socket;
    private Thread? _thread;
    private int _commandCount;
    private int _pullAfter = -1;
    private bool _stallNext;

    public VpcdCardClient(IVirtualCard card, int port, string host = "127.0.0.1")
    {
        ArgumentNullException.ThrowIfNull(card);
        _card = card;
        Port = port;
        _host = host;
    }

    public int Port { get; }

    public bool IsInserted
    {
        get
        {
            lock (_gate)
            {
                return _socket is not null;
            }
        }
    }

    /// <summary>Command APDUs received since this client was created (answered or not).</summary>
    public int CommandCount => Volatile.Read(ref _commandCount);

    /// <summary>Every answered command with the card's processing time, oldest first.</summary>
    public IReadOnlyList<VpcdExchange> Transcript
    {
        get
        {
            lock (_gate)
            {
                return [.. _transcript];
            }
        }
    }

    public void ClearTranscript()
    {
        lock (_gate)
        {
            _transcript.Clear();
        }
    }

    /// <summary>Inserts the card: connects to vpcd, which then powers it on and asks for its ATR.</summary>
    public void Insert()
    {
        lock (_gate)
        {
            if (_socket is not null)
            {
                throw new InvalidOperationException("The card is already inserted.");
            }

            _pullAfter = -1;
            _stallNext = false;
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Connect(_host, Port);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                throw new InvalidOperationException($"Cannot reach the vpcd reader on {_host}:{Port} ({e.SocketErrorCode}); is the test pcscd running with that reader?", e);
            }

            _socket = socket;
            _thread = new Thread(() => Serve(socket)) { IsBackground = true, Name = $"vpcd-card-{Port}" };
            _thread.Start();
        }
    }

    /// <summary>Removes the card: closes the connection (vpcd reports the reader empty).</summary>
    public void Remove()
    {
        Thread? thread;
        lock (_gate)
        {
            thread = _thread;
            Drop();
        }

        if (thread is not null && thread != Thread.CurrentThread)
        {
            thread.Join();
        }
    }

    /// <summary>Answers <paramref name="commands"/> more command APDUs, then drops the connection instead of answering the next.</summary>
    public void PullAfterCommands(int commands)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(commands);
        lock (_gate)
        {
            _pullAfter = commands;
        }
    }

    /// <summary>The next command APDU is never answered (until <see cref="Remove"/>).</summary>
    public void StallNextCommand()
    {
        lock (_gate)
        {
            _stallNext = true;
        }
    }

    public void Dispose() => Remove();

    private const int TcpLevel = 6;
    private const int TcpQuickAck = 12;
    private static readonly byte[] QuickAckOn = BitConverter.GetBytes(1);

    private static bool ReadExactly(Socket socket, Span<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            int read;
            try
            {
                read = socket.Receive(buffer);

                // vpcd writes the length and the APDU in two sends without TCP_NODELAY; acknowledging
                // at once (Linux drops quick-ack mode after a while, so it is asked for on every read)
                // keeps Nagle from holding the APDU back ~40 ms on every exchange.
                socket.SetRawSocketOption(TcpLevel, TcpQuickAck, QuickAckOn);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return false;
            }

            if (read == 0)
            {
                return false;
            }

            buffer = buffer[read..];
        }

        return true;
    }

    private static void Send(Socket socket, ReadOnlySpan<byte> payload)
    {
        var message = new byte[2 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(message, (ushort)payload.Length);
        payload.CopyTo(message.AsSpan(2));
        socket.Send(message);
    }

    private void Drop()
    {
        _socket?.Dispose();
        _socket = null;
        _thread = null;
    }

    private void Serve(Socket socket)
    {
        Span<byte> header = stackalloc byte[2];
        try
        {
            while (ReadExactly(socket, header))
            {
                var payload = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
                if (!ReadExactly(socket, payload))
                {
                    return;
                }

                if (payload.Length == 1)
                {
                    Control(socket, payload[0]);
                    continue;
                }

                Interlocked.Increment(ref _commandCount);
                bool stall;
                lock (_gate)
                {
                    if (_pullAfter == 0)
                    {
                        if (_socket == socket)
                        {
                            Drop();
                        }

                        return;
                    }

                    if (_pullAfter > 0)
                    {
                        _pullAfter--;
                    }

                    stall = _stallNext;
                    _stallNext = false;
                }

                if (stall)
                {
                    // Keep reading so the connection's end (Remove) is noticed; never answer.
                    while (ReadExactly(socket, header))
                    {
                    }

                    return;
                }

                var clock = Stopwatch.StartNew();
                var response = _card.Process(payload);
                var took = clock.Elapsed;
                lock (_gate)
                {
                    _transcript.Add(new VpcdExchange(payload, response, took));
                }

                Send(socket, response);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Removed while answering.
        }
    }

    private void Control(Socket socket, byte control)
    {
        switch (control)
        {
            case 0:
                _card.PowerOff();
                break;
            case 1:
                _card.PowerOn();
                break;
            case 2:
                _card.Reset();
                break;
            case 4:
                Send(socket, _card.Atr);
                break;
            default:
                // vpcd defines no other control; ignore as vicc does.
                break;
        }
    }
}
