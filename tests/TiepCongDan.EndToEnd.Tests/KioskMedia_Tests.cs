using TiepCongDan.Contracts.Fleet;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>
/// A real tcd-edge records the simulated camera and microphone with real ffmpeg, streams it over
/// real SRT to Debian's reference receiver (srt-live-transmit) and fills the real hub's archive
/// from its encrypted local copy. Every check reads the frame numbers burned into the pictures.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class KioskMedia_Tests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new("media-e2e");

    [Fact]
    public async Task A_session_reaches_the_SRT_receiver_as_H264_and_AAC_at_the_configured_size_with_every_frame_in_order_and_fills_the_archive()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = cts.Token;
        const string kiosk = "14-04171";
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        var port = FreePort.NextUdp();
        await using var receiver = SrtReceiverProcess.Start(port, MediaKiosk.PassphraseFor(hub, kiosk), _dir.Combine("received.ts"));
        await using var edge = EdgeProcess.Start(kiosk, hub, extraArguments: MediaKiosk.Arguments(hub, kiosk, port,
            width: 1280, height: 720, fps: 30, ladder: "2500k@1280x720,1000k@960x540"));
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online", ct);

        var session = await MediaKiosk.StartSessionAsync(hub, edge, ct);
        await hub.WaitForDeviceAsync(kiosk, d => d.MetricText(MediaMetrics.UplinkState) == "connected", TimeSpan.FromSeconds(20), "SRT connected", edge.Describe, ct);
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        await MediaKiosk.StopSessionAsync(hub, edge, ct);
        await receiver.StopAsync();

        var streams = await MediaProbe.StreamsAsync(receiver.OutputPath);
        Assert.Contains(streams, s => s is { Type: "video", Codec: "h264", Width: 1280, Height: 720 });
        Assert.Contains(streams, s => s is { Type: "audio", Codec: "aac" });
        var received = await MediaProbe.FrameNumbersAsync(receiver.OutputPath, 1280);
        output.WriteLine($"receiver: {received.Count} frames, {(received.Count > 0 ? $"{received[0]}..{received[^1]}" : "none")}");
        Assert.Null(MediaKiosk.FirstBreak(received));

        // The archive, filled from the kiosk's local copy, holds the whole session from frame 0;
        // the live receiver got the same frames up to the last half second (in flight at the stop).
        await MediaKiosk.WaitUploadedAsync(hub, edge, TimeSpan.FromSeconds(60), ct);
        var archived = await MediaProbe.FrameNumbersAsync(MediaKiosk.ConcatenateArchive(hub, kiosk, session, _dir.Combine("archive.ts")), 1280);
        output.WriteLine($"archive: {archived.Count} frames, {archived[0]}..{archived[^1]}");
        Assert.Equal(0, archived[0]);
        Assert.Null(MediaKiosk.FirstBreak(archived));
        Assert.True(archived.Count >= 150, $"only {archived.Count} frames recorded in ~10 s\n{edge.Describe()}");
        Assert.Equal(0, received[0]);
        Assert.InRange(received[^1], archived[^1] - 15, archived[^1]);
        Assert.All(await MediaProbe.KeyframeGapsAsync(_dir.Combine("archive.ts")), gap => Assert.True(gap <= 2.05, $"keyframes {gap:F2} s apart"));
    }

    [Fact]
    public async Task A_wrong_SRT_passphrase_is_refused_and_reported_while_the_local_recording_goes_on()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        const string kiosk = "14-04172";
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        var port = FreePort.NextUdp();
        await using var receiver = SrtReceiverProcess.Start(port, MediaKiosk.PassphraseFor(hub, kiosk), _dir.Combine("received.ts"));
        await using var edge = EdgeProcess.Start(kiosk, hub, extraArguments: MediaKiosk.Arguments(hub, kiosk, port, passphrase: "not-this-kiosks-passphrase"));
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online", ct);

        var session = await MediaKiosk.StartSessionAsync(hub, edge, ct);
        var refused = await hub.WaitForDeviceAsync(kiosk, d => d.MetricText(MediaMetrics.UplinkState) == "refused", TimeSpan.FromSeconds(20), "uplink refused", edge.Describe, ct);
        Assert.Contains("mật khẩu", refused!.MetricText(MediaMetrics.UplinkReason), StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        Assert.False(edge.Process!.HasExited, edge.Describe());
        await MediaKiosk.StopSessionAsync(hub, edge, ct);
        await receiver.StopAsync();
        Assert.Equal(0, receiver.BytesReceived);

        await MediaKiosk.WaitUploadedAsync(hub, edge, TimeSpan.FromSeconds(60), ct);
        var archived = await MediaProbe.FrameNumbersAsync(MediaKiosk.ConcatenateArchive(hub, kiosk, session, _dir.Combine("archive.ts")), 640);
        Assert.True(archived.Count >= 100, $"the local copy holds {archived.Count} frames");
        Assert.Null(MediaKiosk.FirstBreak(archived));
    }

    [Fact]
    public async Task When_the_receiver_disappears_for_20_s_streaming_resumes_by_itself_and_the_local_copy_holds_every_frame()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        var ct = cts.Token;
        const string kiosk = "14-04173";
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        var port = FreePort.NextUdp();
        await using var receiver = SrtReceiverProcess.Start(port, MediaKiosk.PassphraseFor(hub, kiosk), _dir.Combine("received.ts"));
        await using var edge = EdgeProcess.Start(kiosk, hub, extraArguments: MediaKiosk.Arguments(hub, kiosk, port));
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online", ct);

        var session = await MediaKiosk.StartSessionAsync(hub, edge, ct);
        await hub.WaitForDeviceAsync(kiosk, d => d.MetricText(MediaMetrics.UplinkState) == "connected", TimeSpan.FromSeconds(20), "SRT connected", edge.Describe, ct);
        await Task.Delay(TimeSpan.FromSeconds(5), ct);

        await receiver.StopAsync();
        var beforeOutage = receiver.BytesReceived;
        await hub.WaitForDeviceAsync(kiosk, d => d.MetricText(MediaMetrics.UplinkState) is "connecting" or "down", TimeSpan.FromSeconds(15), "the uplink to notice", edge.Describe, ct);
        await Task.Delay(TimeSpan.FromSeconds(20), ct);
        receiver.StartProcess();
        await hub.WaitForDeviceAsync(kiosk, d => d.MetricText(MediaMetrics.UplinkState) == "connected", TimeSpan.FromSeconds(20), "SRT reconnected by itself", edge.Describe, ct);
        await Task.Delay(TimeSpan.FromSeconds(6), ct);
        await MediaKiosk.StopSessionAsync(hub, edge, ct);
        await receiver.StopAsync();

        Assert.True(receiver.BytesReceived > beforeOutage + 100_000, $"{receiver.BytesReceived - beforeOutage} bytes after the outage");
        // The receiver's own capture has the outage as a jump in capture time (it was not there to
        // receive); the jump is shorter than 20 s because the uplink replays its queue (1 MiB of the
        // most recent stream) on reconnecting.
        var stamps = (await MediaProbe.StampsAsync(receiver.OutputPath, 640)).Where(s => s is not null).Select(s => s!.Value).ToList();
        var received = stamps.Select(s => (long)s.FrameNumber).ToList();
        var gapMs = Enumerable.Range(1, stamps.Count - 1).Max(i => stamps[i].CaptureUnixMs - stamps[i - 1].CaptureUnixMs);
        output.WriteLine($"receiver: {received.Count} frames, largest capture-time jump {gapMs} ms");
        Assert.True(gapMs >= 8_000, $"the receiver's capture should show the 20 s outage (largest jump {gapMs} ms)");

        await MediaKiosk.WaitUploadedAsync(hub, edge, TimeSpan.FromSeconds(90), ct);
        var archived = await MediaProbe.FrameNumbersAsync(MediaKiosk.ConcatenateArchive(hub, kiosk, session, _dir.Combine("archive.ts")), 640);
        output.WriteLine($"archive: {archived.Count} frames, {archived[0]}..{archived[^1]}");
        Assert.Equal(0, archived[0]);
        Assert.Null(MediaKiosk.FirstBreak(archived));
        Assert.True(archived[^1] >= received[^1]);
    }

    [Fact]
    public async Task After_a_SIGKILL_mid_session_the_journal_and_segments_agree_and_the_interrupted_session_is_uploaded()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = cts.Token;
        const string kiosk = "14-04174";
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        var port = FreePort.NextUdp();
        await using var receiver = SrtReceiverProcess.Start(port, MediaKiosk.PassphraseFor(hub, kiosk), _dir.Combine("received.ts"));
        // The hub refuses uploads at first (wrong password for uploads only is not possible: stop the
        // upload by pointing it at a closed port), so the killed session is still on the kiosk.
        var closedPort = FreePort.Next();
        var arguments = MediaKiosk.Arguments(hub, kiosk, port);
        await using var edge = EdgeProcess.Start(kiosk, hub, extraArguments: [.. arguments, $"--Edge:Media:Upload:HubUrl=http://127.0.0.1:{closedPort}"]);
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online", ct);
        var session = await MediaKiosk.StartSessionAsync(hub, edge, ct);
        await Task.Delay(TimeSpan.FromSeconds(9), ct);

        var encoders = ProcessTree.ChildrenOf(edge.Process!.Pid);
        Assert.NotEmpty(encoders);
        await edge.KillAsync();
        // ffmpeg loses its reader and must not outlive the kiosk service.
        await Poll.UntilAsync(_ => Task.FromResult(encoders.Count(ProcessTree.IsAlive)), n => n == 0, TimeSpan.FromSeconds(10), "ffmpeg to exit after its parent died");
        await receiver.StopAsync();
        var live = await MediaProbe.FrameNumbersAsync(receiver.OutputPath, 640);
        var media = Path.Combine(edge.DataDirectory, "media", session);
        var leftOnDisk = Directory.GetFiles(media, "*.tse").Length;
        Assert.True(leftOnDisk >= 2, $"{leftOnDisk} segment files on disk after the kill");

        // Restart with uploads to the real hub: recovery closes the torn segment, the upload completes the session.
        edge.ExtraArguments = arguments;
        edge.StartProcess();
        await MediaKiosk.WaitUploadedAsync(hub, edge, TimeSpan.FromSeconds(60), ct);
        var segments = MediaKiosk.ArchivedSegments(hub, kiosk, session);
        // The segment open at the kill is recovered; only if it had not one complete chunk (under
        // half a second of media) is it set aside in orphans/ and the session ends before it.
        var orphans = Directory.Exists(Path.Combine(edge.DataDirectory, "media", "orphans"))
            ? Directory.GetFiles(Path.Combine(edge.DataDirectory, "media", "orphans"), "*", SearchOption.AllDirectories).Length
            : 0;
        Assert.True(segments.Count + orphans == leftOnDisk, $"{leftOnDisk} segment files after the kill, {segments.Count} archived, {orphans} set aside\n{edge.Describe()}");
        foreach (var segment in segments)
        {
            var streams = await MediaProbe.StreamsAsync(segment);
            Assert.Contains(streams, s => s.Type == "video" && s.Codec == "h264");
        }

        var archived = await MediaProbe.FrameNumbersAsync(MediaKiosk.ConcatenateArchive(hub, kiosk, session, _dir.Combine("archive.ts")), 640);
        output.WriteLine($"archive after SIGKILL: {segments.Count} segments ({orphans} set aside), frames {archived[0]}..{archived[^1]}; the live receiver saw up to {live[^1]}");
        Assert.Equal(0, archived[0]);
        Assert.Null(MediaKiosk.FirstBreak(archived));
        // A SIGKILL loses at most the chunk being filled (0.5 s) plus what ffmpeg had not yet written.
        Assert.True(archived[^1] >= live[^1] - 25, $"the archive ends at frame {archived[^1]}, the live receiver saw {live[^1]}");
        Assert.True(!Directory.Exists(media) || Directory.GetFiles(media, "*.tse").Length == 0, "confirmed segments must leave the kiosk");
    }

    [Fact]
    public async Task The_local_segments_are_not_readable_without_the_kiosk_key()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = cts.Token;
        const string kiosk = "14-04175";
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        var data = _dir.Combine("kiosk");
        // `tcd-edge media record`: the technician's one-shot recording; the hub upload is unreachable so the files stay.
        await using var record = EdgeProcess.RunOnce(kiosk, hub, data, ["media", "record", "--seconds", "5",
            .. MediaKiosk.Arguments(hub, kiosk, FreePort.NextUdp()), $"--Edge:Media:Upload:HubUrl=http://127.0.0.1:{FreePort.Next()}"]);
        Assert.True(await record.WaitForExitAsync(TimeSpan.FromSeconds(60)), record.Describe());
        Assert.True(record.ExitCode == 0, record.Describe());
        Assert.Contains("session ", record.Output.ToString(), StringComparison.Ordinal);

        var files = Directory.GetFiles(Path.Combine(data, "media"), "*.tse", SearchOption.AllDirectories);
        Assert.True(files.Length >= 1, "no segment on disk");
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file, ct);
            Assert.Equal("TCDE"u8.ToArray(), bytes[..4]);
            Assert.False(LooksLikeTransportStream(bytes), $"{file} holds readable MPEG-TS");
            await Assert.ThrowsAsync<InvalidOperationException>(() => MediaProbe.StreamsAsync(file));
        }

        var key = Path.Combine(data, "keys", "media.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
    }

    /// <summary>Five sync bytes 188 apart anywhere in the file would betray plaintext TS.</summary>
    private static bool LooksLikeTransportStream(byte[] bytes)
    {
        for (var i = 0; i + (4 * 188) < bytes.Length; i++)
        {
            if (bytes[i] == 0x47 && bytes[i + 188] == 0x47 && bytes[i + 376] == 0x47 && bytes[i + 564] == 0x47 && bytes[i + 752] == 0x47)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => _dir.Dispose();
}
