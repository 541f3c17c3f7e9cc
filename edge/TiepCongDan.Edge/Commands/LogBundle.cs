using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Configuration;
using TiepCongDan.Edge.Hosting;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Commands;

/// <summary>
/// The collect-logs command's .tar.gz: journal.txt (the service's journal of the last 24 h) or, when
/// journalctl fails, logs/ (the service's own log files of the last 24 h) with journal-unavailable.txt;
/// configuration.txt (the effective "Edge" settings, secrets masked); versions.txt; selftest-last.json
/// when a self-test ran. Every text has the kiosk's secrets masked.
/// </summary>
public sealed class LogBundle(EdgeCommandOptions options, EdgeOptions edge, IConfiguration configuration, TimeProvider time)
{
    public async Task<CommandResult> BuildAsync(CancellationToken cancellationToken)
    {
        var redactor = SecretRedactor.For(configuration, [edge.Mqtt.PasswordFile, edge.Media.Srt.PassphraseFile, edge.Mqtt.ClientKeyPath]);
        var now = time.GetUtcNow();
        var files = new List<(string Name, string Text)>();
        var (journal, problem) = await ProgramCapture.RunAsync(options.JournalCommand, TimeSpan.FromSeconds(options.ProgramTimeoutSeconds), cancellationToken);
        var sources = "journal";
        if (journal is { Length: > 0 })
        {
            files.Add(("journal.txt", Newest(Encoding.UTF8.GetString(journal))));
        }
        else
        {
            sources = "log files";
            files.Add(("journal-unavailable.txt", $"{options.JournalCommand}: {(journal is null ? problem : "no output")}\n"));
            files.AddRange(LogFiles(now));
        }

        files.Add(("configuration.txt", redactor.Describe(configuration, EdgeOptions.SectionName)));
        files.Add(("versions.txt", Versions(now)));
        var selfTest = Path.Combine(edge.DataDirectory, "selftest", "last-report.json");
        if (File.Exists(selfTest))
        {
            files.Add(("selftest-last.json", await File.ReadAllTextAsync(selfTest, cancellationToken)));
        }

        var bytes = await PackAsync(files.Select(f => (f.Name, redactor.Scrub(f.Text))), now, cancellationToken);
        return CommandResult.Done($"Đã thu thập nhật ký ({sources}, {files.Count} tệp, {bytes.Length / 1024} KB).",
            new CommandArtifact($"logs-{edge.KioskId}-{now:yyyyMMdd-HHmmss}.tar.gz", "application/gzip", bytes));
    }

    private IEnumerable<(string Name, string Text)> LogFiles(DateTimeOffset now)
    {
        var directory = Path.GetDirectoryName(edge.LogFilePath);
        if (directory is null || !Directory.Exists(directory))
        {
            yield break;
        }

        var left = options.MaxLogBytes;
        foreach (var file in new DirectoryInfo(directory).GetFiles().Where(f => f.LastWriteTimeUtc > now.UtcDateTime.AddHours(-24)).OrderByDescending(f => f.LastWriteTimeUtc))
        {
            if (left <= 0)
            {
                yield break;
            }

            string text;
            try
            {
                using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                text = reader.ReadToEnd();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                text = "unreadable: " + ex.Message;
            }

            text = text.Length > left ? text[^left..] : text;
            left -= text.Length;
            yield return ("logs/" + file.Name, text);
        }
    }

    private string Newest(string text) => text.Length > options.MaxLogBytes ? text[^options.MaxLogBytes..] : text;

    private string Versions(DateTimeOffset now) => string.Join('\n',
        "kiosk = " + edge.KioskId,
        "tcd-edge = " + ServiceVersion.Current,
        ".NET = " + RuntimeInformation.FrameworkDescription,
        "os = " + RuntimeInformation.OSDescription,
        "architecture = " + RuntimeInformation.OSArchitecture,
        "collected = " + now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)) + "\n";

    private static async Task<byte[]> PackAsync(IEnumerable<(string Name, string Text)> files, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        await using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
                    ModificationTime = now,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                };
                await tar.WriteEntryAsync(entry, cancellationToken);
            }
        }

        return output.ToArray();
    }
}
