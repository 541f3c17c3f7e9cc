using System.Diagnostics;
using System.Text.Json;
using TiepCongDan.Hub.Bridge;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>
/// COMPOSITION (real ffmpeg, CPU heavy, ~20 s): several officials become one H.264 picture for the
/// kiosk. Filter with --filter Category=Composition.
/// </summary>
[Trait("Category", "Composition")]
public sealed class Composition_Tests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tcd-bridge-compose-" + Guid.NewGuid().ToString("N"));

    public Composition_Tests() => Directory.CreateDirectory(_directory);

    [Theory]
    [InlineData("grid")]
    [InlineData("pip")]
    public async Task Two_officials_are_composed_into_one_decodable_H264_stream_for_the_kiosk(string layout)
    {
        await using var harness = await BridgeHarness.StartAsync(
            [BridgeHarness.ListenerPoint("tinh-14", "14"), BridgeHarness.ListenerPoint("trung-uong", "*")],
            o => o.ComposeLayout = layout);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        var bridge = harness.Service.Find(session)!;
        using var first = new FfmpegOfficial(harness.Call(BridgeStreamId.ForPointPublish(session, "tinh-14"), BridgeHarness.PassphraseOf("tinh-14")), "testsrc2", 440);
        using var second = new FfmpegOfficial(harness.Call(BridgeStreamId.ForPointPublish(session, "trung-uong"), BridgeHarness.PassphraseOf("trung-uong")), "smptebars", 660);
        await Eventually.True(() => bridge.Return.Publishers.Count == 2 && bridge.Return.IsComposing, "two officials composed", 10_000);

        // The kiosk calls once both take part, so everything it receives is the composite.
        using var kiosk = harness.Call(BridgeStreamId.ForKioskReturn(session, BridgeHarness.Kiosk), harness.KioskPassphrase(BridgeHarness.Kiosk));

        // Keep 8 s of what arrives from the first byte on.
        var file = Path.Combine(_directory, "kiosk.ts");
        byte[] kept;
        try
        {
            kept = ReceiveComposite(kiosk, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(8));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no composite within 20 s (composer CPU so far {bridge.Return.ComposeCpuTime.TotalSeconds:0.0} s; officials sent {first.BytesSent} and {second.BytesSent} bytes)");
            throw;
        }

        await File.WriteAllBytesAsync(file, kept);

        var probe = await FfprobeAsync(file);
        var video = probe.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("codec_type").GetString() == "video");
        Assert.Equal("h264", video.GetProperty("codec_name").GetString());
        Assert.Equal(640, video.GetProperty("width").GetInt32());
        Assert.Equal(360, video.GetProperty("height").GetInt32());
        Assert.True(int.Parse(video.GetProperty("nb_read_frames").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 50, "at least 2 s of decodable composite frames");
        Assert.Contains(probe.GetProperty("streams").EnumerateArray(), s => s.GetProperty("codec_type").GetString() == "audio");
        Assert.True(bridge.Return.ComposeCpuTime > TimeSpan.Zero);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Keeps what the kiosk receives for <paramref name="keep"/> from its first byte (waiting at most <paramref name="timeout"/>).</summary>
    private static byte[] ReceiveComposite(TiepCongDan.Srt.SrtConnection kiosk, TimeSpan timeout, TimeSpan keep)
    {
        // ffmpeg probes each input in turn before the first composite byte: generous on a busy machine.
        kiosk.SetReceiveTimeout(TimeSpan.FromSeconds(20));
        var buffer = new byte[1500];
        using var kept = new MemoryStream();
        var clock = Stopwatch.StartNew();
        var since = TimeSpan.Zero;
        while (clock.Elapsed < timeout)
        {
            var n = kiosk.Receive(buffer);
            Assert.True(n > 0, "the kiosk's return connection closed");
            kept.Write(buffer, 0, n);
            if (since == TimeSpan.Zero && kept.Length > 0)
            {
                since = clock.Elapsed;
            }

            if (clock.Elapsed - since >= keep)
            {
                break;
            }
        }

        return kept.ToArray();
    }

    private static async Task<JsonElement> FfprobeAsync(string file)
    {
        var info = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-v", "error", "-count_frames", "-show_streams", "-of", "json", file })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffprobe did not start: install the Debian package ffmpeg.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
