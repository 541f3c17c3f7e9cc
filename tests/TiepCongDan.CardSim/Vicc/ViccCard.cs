using System.Diagnostics;

namespace TiepCongDan.CardSim.Vicc;

/// <summary>
/// The independent ICAO ePass card of Debian's python3-virtualsmartcard (vicc -t ePass), placed
/// on a vpcd reader: starting it inserts the card, Dispose kills it (by PID) and removes it.
/// <para>
/// The Debian build does not run on Python 3 as shipped, so the fixture copies the package from
/// /usr/lib/python3/site-packages to a temp directory and mends the copy (never /usr); each mend
/// checks that the text it replaces is there, so a changed package fails loudly:
/// (1) <c>Crypto</c> imports become <c>Cryptodome</c> (python3-pycryptodome's namespace);
/// (2) <c>CryptoUtils.operation_on_string</c> XORs bytes instead of str (chr/ord);
/// (3) <c>TLVutils.pack</c> returns its bytes instead of joining them as a list;
/// with (1)-(3) BAC works. Secure messaging then needs:
/// (4) <c>SEutils.parse_SM_CAPDU</c>: plain data and MAC input as bytes, the padding indicator read as an int;
/// (5) <c>SEutils.protect_response</c>: bytes, and "is there data" tested as truthiness (bytes never equal "");
/// (6) DO'99' (the status word) added to every protected response before DO'8E', as ICAO 9303-11 requires
/// (vicc leaves it out; the edge's SecureMessaging insists on it);
/// (7) <c>CryptoUtils.crypto_checksum</c> puts the send sequence counter in the MAC as 8 bytes, leading zeros kept.
/// The file system is built directly (MF, DF A0000002471001, EF.COM, DG1 with the TD3 MRZ, empty
/// DG2 and SOD) with <c>PassportSAM</c> instead of CardGenerator's stdin prompts, with EF.COM's tag
/// list as the bytes 61 75 (the generator writes the text "6175"); the vpcd loop is our own few
/// lines (VirtualICC's constructor insists on the generator).
/// </para>
/// </summary>
public sealed class ViccCard : IDisposable
{
    /// <summary>ICAO 9303-11 Appendix D's fictional passport; its MRZ information is L898902C&lt;369080619406236.</summary>
    public const string AppendixDMrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<" + "L898902C<3UTO6908061F9406236ZE184226B<<<<<10";

    private const string Python = "/usr/bin/python3";
    private const string Package = "/usr/lib/python3/site-packages/virtualsmartcard/virtualsmartcard/cards/ePass.py";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly string _directory;
    private int _disposed;

    private ViccCard(Process process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    public int ProcessId => _process.Id;

    /// <summary>Starts the card on the vpcd reader listening on <paramref name="vpcdPort"/>.</summary>
    /// <param name="mrz">The TD3 MRZ (88 characters) in DG1; the BAC key comes from it.</param>
    public static ViccCard Insert(int vpcdPort, string mrz = AppendixDMrz)
    {
        RequireTools();
        var directory = Directory.CreateTempSubdirectory("tcd-vicc-").FullName;
        var script = Path.Combine(directory, "vicc_epass.py");
        File.WriteAllText(script, ViccEpassScript.Source);
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-u", script, directory, vpcdPort.ToString(System.Globalization.CultureInfo.InvariantCulture), mrz },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start python3 for vicc.");
        var card = new ViccCard(process, directory);
        try
        {
            var errors = process.StandardError.ReadToEndAsync();
            var ready = process.StandardOutput.ReadLineAsync();
            if (!ready.Wait(StartTimeout) || ready.Result is null || !ready.Result.StartsWith("vicc ePass", StringComparison.Ordinal))
            {
                process.Kill();
                throw new InvalidOperationException($"vicc did not start on vpcd port {vpcdPort}: {(errors.Wait(TimeSpan.FromSeconds(5)) ? errors.Result : "(no output)")}");
            }

            return card;
        }
        catch
        {
            card.Dispose();
            throw;
        }
    }

    /// <summary>Fails naming the Debian packages when python3, pycryptodome or virtualsmartcard is missing.</summary>
    public static void RequireTools()
    {
        if (!File.Exists(Python) || !File.Exists(Package))
        {
            throw new InvalidOperationException("vicc's ePass card needs /usr/bin/python3 and python3-virtualsmartcard (and python3-pycryptodome): apt-get install python3-virtualsmartcard python3-pycryptodome");
        }

        if (!Directory.Exists("/usr/lib/python3/dist-packages/Cryptodome"))
        {
            throw new InvalidOperationException("vicc's ePass card needs the Cryptodome module: apt-get install python3-pycryptodome");
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort under /tmp.
        }
    }
}
