using System.Diagnostics;
using System.Net.Sockets;

namespace TiepCongDan.CardSim.Vpcd;

/// <summary>
/// A private pcscd for tests: started by <c>systemd-socket-activate</c> on a socket of its own (the
/// client library finds it through PCSCLITE_CSOCK_NAME), its reader.conf.d holding vpcd entries on
/// free TCP ports. Each entry gives two readers ("NAME 00 00" on port p, "NAME 00 01" on p+1); each
/// reader is a <see cref="VirtualReaderSlot"/>. Readers can be added and removed (see <see cref="AddSlot"/>
/// for why that restarts pcscd). Killed by PID on Dispose and at exit.
/// </summary>
public sealed class PcscdDaemon : IDisposable
{
    public const string SocketVariable = "PCSCLITE_CSOCK_NAME";
    private const string Pcscd = "/usr/sbin/pcscd";
    private const string SocketActivate = "/usr/bin/systemd-socket-activate";
    private const string VpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
    // Six readers: pcsc-lite's SCardGetStatusChange takes at most 16 states, and a monitor adds the PnP one.
    private const int SharedSlots = 6;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);
    private static readonly Lazy<PcscdDaemon> SharedDaemon = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _entrySequence;

    private readonly Lock _gate = new();
    private readonly List<VirtualReaderSlot> _slots = [];
    private readonly Queue<VirtualReaderSlot> _free = new();
    private Process? _process;
    private Process? _watchdog;
    private int _disposed;

    private PcscdDaemon(string directory)
    {
        Directory = directory;
        ConfigDirectory = Path.Combine(directory, "reader.conf.d");
        SocketPath = Path.Combine(directory, "pcscd.comm");
        LogPath = Path.Combine(directory, "pcscd.log");
        System.IO.Directory.CreateDirectory(ConfigDirectory);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>
    /// One daemon for all in-process tests of a test assembly: libpcsclite reads PCSCLITE_CSOCK_NAME
    /// once per process, so this sets it before anything calls the library. Lease readers with <see cref="LeaseSlot"/>.
    /// </summary>
    public static PcscdDaemon Shared => SharedDaemon.Value;

    public string Directory { get; }

    /// <summary>Pass as PCSCLITE_CSOCK_NAME to a child process that should use this daemon.</summary>
    public string SocketPath { get; }

    public string ConfigDirectory { get; }

    public string LogPath { get; }

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("pcscd is not running.");

    public bool IsRunning => _process is { HasExited: false };

    public IReadOnlyList<VirtualReaderSlot> Slots
    {
        get
        {
            lock (_gate)
            {
                return [.. _slots];
            }
        }
    }

    /// <summary>Starts a daemon with at least <paramref name="slots"/> virtual readers (rounded up to pairs).</summary>
    public static PcscdDaemon Start(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        RequireTools();
        var daemon = new PcscdDaemon(System.IO.Directory.CreateTempSubdirectory("tcd-pcscd-").FullName);
        try
        {
            for (var i = 0; i < (slots + 1) / 2; i++)
            {
                daemon.WriteEntry();
            }

            daemon.Launch();
            return daemon;
        }
        catch
        {
            daemon.Dispose();
            throw;
        }
    }

    /// <summary>Fails with the Debian packages to install when pcscd, vpcd or systemd-socket-activate is missing.</summary>
    public static void RequireTools()
    {
        var missing = new List<string>();
        if (!File.Exists(Pcscd))
        {
            missing.Add($"{Pcscd} (Debian package pcscd)");
        }

        if (!File.Exists(VpcdDriver))
        {
            missing.Add($"{VpcdDriver} (Debian package vsmartcard-vpcd)");
        }

        if (!File.Exists(SocketActivate))
        {
            missing.Add($"{SocketActivate} (Debian package systemd)");
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The PC/SC test daemon needs: {string.Join(", ", missing)}. Install with: apt-get install pcscd vsmartcard-vpcd systemd");
        }
    }

    /// <summary>A reader nobody else in this process is using; Dispose the slot to give it back.</summary>
    public VirtualReaderSlot LeaseSlot()
    {
        lock (_gate)
        {
            if (_free.Count == 0)
            {
                throw new InvalidOperationException($"All {_slots.Count} virtual readers of the test pcscd are leased; dispose slots when done or start a daemon with more.");
            }

            var slot = _free.Dequeue();
            return new VirtualReaderSlot(slot.ReaderName, slot.Port, slot.EntryFile, Return);
        }
    }

    /// <summary>
    /// Adds a vpcd entry (two readers) and returns its first reader once pcscd has loaded it.
    /// pcscd 1.9.9 (Debian, libudev build) cannot hot-plug serial readers: SIGUSR1 (<c>pcscd -H</c>)
    /// only rescans USB, and its reader.conf re-check restores readers of an unchanged configuration
    /// only. So this restarts pcscd on the same socket: clients see the service drop and come back
    /// with the new reader (ServiceLost, ServiceRestored, ReaderAdded).
    /// </summary>
    public VirtualReaderSlot AddSlot()
    {
        VirtualReaderSlot first;
        lock (_gate)
        {
            first = WriteEntry(pooled: false);
        }

        Restart();
        return first;
    }

    /// <summary>Removes the vpcd entry of <paramref name="slot"/> (both its readers); restarts pcscd as <see cref="AddSlot"/> does.</summary>
    public void RemoveSlot(VirtualReaderSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        lock (_gate)
        {
            File.Delete(slot.EntryFile);
            _slots.RemoveAll(s => s.EntryFile == slot.EntryFile);
        }

        Restart();
    }

    /// <summary>Kills pcscd hard (SIGKILL), as a crash would; the socket stays, refusing connections.</summary>
    public void Kill()
    {
        StopWatchdog();
        KillProcess();
    }

    /// <summary>Starts pcscd again on the same socket and readers (after <see cref="Kill"/>).</summary>
    public void Restart()
    {
        Kill();
        Launch();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        KillProcess();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying pcscd; the watchdog below would not help, /tmp is cleaned eventually.
        }

        // Last, so that a host killed half-way through this method still has pcscd killed and its directory removed.
        StopWatchdog();
    }

    private void KillProcess()
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        _process = null;
    }

    private static PcscdDaemon StartShared()
    {
        var daemon = Start(SharedSlots);
        if (Environment.GetEnvironmentVariable(SocketVariable) is { Length: > 0 } existing && existing != daemon.SocketPath)
        {
            daemon.Dispose();
            throw new InvalidOperationException($"{SocketVariable} is already set to {existing}; the shared test pcscd must be the first this process uses.");
        }

        NativeEnvironment.Set(SocketVariable, daemon.SocketPath);
        return daemon;
    }

    private VirtualReaderSlot WriteEntry(bool pooled = true)
    {
        var port = VpcdPorts.FreePair();
        var name = $"TCD vpcd {Interlocked.Increment(ref _entrySequence)}";
        var file = Path.Combine(ConfigDirectory, $"vpcd-{port}");
        // vpcd keeps its two sockets in static per-slot variables, so two entries sharing one loaded
        // driver would share (and fight over) them: every entry loads its own copy of the driver.
        var driver = Path.Combine(Directory, $"libifdvpcd-{port}.so");
        File.Copy(VpcdDriver, driver, overwrite: true);
        File.WriteAllText(file, $"FRIENDLYNAME \"{name}\"\nDEVICENAME   /dev/null:{port}\nLIBPATH      {driver}\nCHANNELID    {port}\n");
        var first = new VirtualReaderSlot($"{name} 00 00", port, file, null);
        var second = new VirtualReaderSlot($"{name} 00 01", port + 1, file, null);
        _slots.Add(first);
        _slots.Add(second);
        if (pooled)
        {
            _free.Enqueue(first);
            _free.Enqueue(second);
        }

        return first;
    }

    private void Return(VirtualReaderSlot lease)
    {
        lock (_gate)
        {
            var slot = _slots.FirstOrDefault(s => s.Port == lease.Port);
            if (slot is not null)
            {
                _free.Enqueue(slot);
            }
        }
    }

    private void Launch()
    {
        File.Delete(SocketPath);
        // exec keeps one PID from the shell through systemd-socket-activate to pcscd.
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", $"exec {SocketActivate} -l '{SocketPath}' {Pcscd} -f -c '{ConfigDirectory}' {LogLevel} >>'{LogPath}' 2>&1" },
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start systemd-socket-activate.");
        // A crashed test host runs no exit handler: a watchdog kills pcscd when this process is gone.
        var watchdog = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; kill -9 {_process.Id}; rm -rf '{Directory}'" },
            UseShellExecute = false,
        };
        _watchdog = Process.Start(watchdog);
        WaitUntil(() => File.Exists(SocketPath), "systemd-socket-activate to create the pcscd socket");
        // systemd-socket-activate starts pcscd on the first connection; a bare connect is enough.
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            socket.Connect(new UnixDomainSocketEndPoint(SocketPath));
        }

        List<VirtualReaderSlot> slots;
        lock (_gate)
        {
            slots = [.. _slots];
        }

        WaitUntil(() => slots.All(s => VpcdPorts.IsListening(s.Port)), "pcscd to load its vpcd readers");
    }

    /// <summary>SIGUSR1 makes pcscd read reader.conf.d again (what <c>pcscd -H</c> sends).</summary>
    // TCD_PCSCD_DEBUG=1 makes pcscd log every message and APDU (-d -a) when a test needs diagnosing.
    private static string LogLevel => Environment.GetEnvironmentVariable("TCD_PCSCD_DEBUG") == "1" ? "-d -a" : "-i";

    private void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"pcscd exited (code {_process.ExitCode}) while waiting for {what}. Its log: {Tail()}");
            }

            if (clock.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"Gave up after {ReadyTimeout.TotalSeconds:0} s waiting for {what}. pcscd log: {Tail()}");
            }

            Thread.Sleep(20);
        }
    }

    private string Tail()
    {
        try
        {
            var lines = File.ReadAllLines(LogPath);
            return string.Join('\n', lines.TakeLast(15));
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }

    private void StopWatchdog()
    {
        var watchdog = _watchdog;
        _watchdog = null;
        if (watchdog is null)
        {
            return;
        }

        try
        {
            watchdog.Kill();
            watchdog.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        watchdog.Dispose();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();
}
