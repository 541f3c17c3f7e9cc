using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Commands;

/// <summary>Remote commands between a real tcd-hub and a real tcd-edge process: the outcome and the artifact come back over HTTP.</summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class RemoteCommands_Tests
{
    private const string Kiosk = "14-04171";

    [Fact]
    public async Task A_screenshot_and_a_log_bundle_come_back_from_the_kiosk_process_without_its_password()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        await using var hub = await HubProcess.StartAsync(cancellationToken: cts.Token);
        await using var edge = EdgeProcess.Start(Kiosk, hub, extraArguments:
        [
            $"--Edge:Media:Upload:HubUrl=http://127.0.0.1:{hub.HttpPort}",
            "--Edge:Commands:ScreenshotCommand=ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=320x180 -frames:v 1 -c:v png -f image2 pipe:1",
        ]);
        await hub.WaitForDeviceAsync(Kiosk, d => d.Online, TimeSpan.FromSeconds(60), "the kiosk online", edge.Describe, cts.Token);

        var png = await ArtifactAsync(hub, "screenshot", cts.Token);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);

        var bundle = await ArtifactAsync(hub, "collect-logs", cts.Token);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var tar = new TarReader(new GZipStream(new MemoryStream(bundle), CompressionMode.Decompress)))
        {
            while (await tar.GetNextEntryAsync(cancellationToken: cts.Token) is { } entry)
            {
                using var reader = new StreamReader(entry.DataStream!, Encoding.UTF8);
                files[entry.Name] = await reader.ReadToEndAsync(cts.Token);
            }
        }

        Assert.Contains("configuration.txt", files.Keys);
        Assert.Contains("Edge:Mqtt:Password = ***", files["configuration.txt"], StringComparison.Ordinal);
        Assert.True(files.ContainsKey("journal.txt") || files.ContainsKey("journal-unavailable.txt"), string.Join(", ", files.Keys));
        Assert.All(files, f => Assert.DoesNotContain(edge.Password, f.Value, StringComparison.Ordinal));
    }

    private static async Task<byte[]> ArtifactAsync(HubProcess hub, string command, CancellationToken cancellationToken)
    {
        using var posted = await hub.Http.PostAsJsonAsync($"api/devices/{Kiosk}/commands", new { command }, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!;
        var finished = await Poll.UntilAsync(
            ct => hub.Http.GetFromJsonAsync<JsonElement>($"api/commands/{id}", ct),
            c => c.GetProperty("state").GetString() != "sent", TimeSpan.FromSeconds(60), $"command {command} to finish",
            hub.Describe, cancellationToken: cancellationToken);
        Assert.True(finished.GetProperty("state").GetString() == "done", $"{command}: {finished} / {hub.Describe()}");
        return await hub.Http.GetByteArrayAsync(finished.GetProperty("artifact").GetString()!.TrimStart('/'), cancellationToken);
    }
}
