using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Configuration;
using TiepCongDan.Contracts.Commands;
using TiepCongDan.Edge.Commands;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Tests.Commands;

public sealed class LogBundle_Tests : IDisposable
{
    private const string MqttPassword = "mqtt-secret-Xy7Q2";
    private const string SrtPassphrase = "srt-passphrase-from-file-42";
    private const string InlineToken = "token-value-9876";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tcd-logbundle-" + Guid.NewGuid().ToString("N"));

    public LogBundle_Tests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task The_bundle_has_the_journal_configuration_versions_and_last_selftest_with_every_secret_masked()
    {
        var (edge, configuration) = Setup();
        Directory.CreateDirectory(Path.Combine(_directory, "selftest"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "selftest", "last-report.json"), "{\"passed\":true}");
        var options = new EdgeCommandOptions { JournalCommand = $"echo tcd-edge[1]: connecting with {MqttPassword} and {SrtPassphrase}" };

        var result = await new LogBundle(options, edge, configuration, TimeProvider.System).BuildAsync(CancellationToken.None);

        Assert.Equal(CommandStates.Done, result.State);
        Assert.Equal("application/gzip", result.Artifact!.ContentType);
        var files = Unpack(result.Artifact.Bytes);
        Assert.Equal(["configuration.txt", "journal.txt", "selftest-last.json", "versions.txt"], files.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("tcd-edge[1]: connecting with *** and ***", files["journal.txt"], StringComparison.Ordinal);
        Assert.Contains("Edge:Mqtt:Password = ***", files["configuration.txt"], StringComparison.Ordinal);
        Assert.Contains("Edge:Reception:ApiToken = ***", files["configuration.txt"], StringComparison.Ordinal);
        Assert.Contains("Edge:Media:Srt:PassphraseFile = " + Path.Combine(_directory, "srt-passphrase"), files["configuration.txt"], StringComparison.Ordinal);
        Assert.Contains("Edge:KioskId = 14-04171", files["configuration.txt"], StringComparison.Ordinal);
        Assert.Contains("kiosk = 14-04171", files["versions.txt"], StringComparison.Ordinal);
        Assert.Equal("{\"passed\":true}", files["selftest-last.json"]);
        AssertNoSecret(result.Artifact.Bytes, files);
    }

    [Fact]
    public async Task Without_a_journal_the_bundle_takes_the_service_log_files_and_says_why()
    {
        var (edge, configuration) = Setup();
        var logs = Path.Combine(_directory, "logs");
        Directory.CreateDirectory(logs);
        await File.WriteAllTextAsync(Path.Combine(logs, "edge-20261123.log"), $"08:00 started; password {MqttPassword}\n");
        var options = new EdgeCommandOptions { JournalCommand = "tcd-no-such-journalctl -u tcd-edge" };

        var result = await new LogBundle(options, edge, configuration, TimeProvider.System).BuildAsync(CancellationToken.None);

        var files = Unpack(result.Artifact!.Bytes);
        Assert.Contains("tcd-no-such-journalctl cannot be run", files["journal-unavailable.txt"], StringComparison.Ordinal);
        Assert.Equal("08:00 started; password ***\n", files["logs/edge-20261123.log"]);
        Assert.DoesNotContain("journal.txt", files.Keys);
        Assert.Contains("log files", result.Message, StringComparison.Ordinal);
        AssertNoSecret(result.Artifact.Bytes, files);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder: best effort.
        }
    }

    private (EdgeOptions Edge, IConfiguration Configuration) Setup()
    {
        var passphraseFile = Path.Combine(_directory, "srt-passphrase");
        File.WriteAllText(passphraseFile, SrtPassphrase + "\n");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Edge:KioskId"] = "14-04171",
            ["Edge:DataDirectory"] = _directory,
            ["Edge:Mqtt:Password"] = MqttPassword,
            ["Edge:Media:Srt:PassphraseFile"] = passphraseFile,
            ["Edge:Reception:ApiToken"] = InlineToken,
        }).Build();
        var edge = new EdgeOptions();
        configuration.GetSection(EdgeOptions.SectionName).Bind(edge);
        return (edge, configuration);
    }

    private static void AssertNoSecret(byte[] bundle, Dictionary<string, string> files)
    {
        foreach (var secret in new[] { MqttPassword, SrtPassphrase, InlineToken })
        {
            Assert.All(files, f => Assert.DoesNotContain(secret, f.Value, StringComparison.Ordinal));
        }

        Assert.True(bundle.Length > 20);
    }

    private static Dictionary<string, string> Unpack(byte[] bundle)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using var gzip = new GZipStream(new MemoryStream(bundle), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            using var reader = new StreamReader(entry.DataStream!, Encoding.UTF8);
            files[entry.Name] = reader.ReadToEnd();
        }

        return files;
    }
}
