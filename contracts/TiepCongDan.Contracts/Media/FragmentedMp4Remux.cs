using System.Diagnostics;
using System.Threading.Channels;

namespace TiepCongDan.Contracts.Media;

/// <summary>
/// Live MPEG-TS (H.264, AAC) turned into fragmented MP4 that a browser's &lt;video&gt; plays as it
/// arrives, by a Debian `ffmpeg` child: video copied (never transcoded: cheap on a Raspberry Pi and
/// on a hub with many viewers), audio re-encoded to AAC (fragmented MP4 writes its header before the
/// first packet, and AAC copied from ADTS has no config there yet, which the browser refuses) or
/// dropped. Used by the hub's live viewer (operators watch a session) and by the kiosk page (the
/// officials' picture and the citizen's self-view). <see cref="Feed"/> only copies into a bounded
/// channel (oldest dropped), so a slow browser never holds up the stream it reads from.
/// </summary>
public sealed class FragmentedMp4Remux : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<byte[]> _input = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(2048) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Task _writer;
    private bool _joined;

    /// <param name="ffmpegPath">The ffmpeg program.</param>
    /// <param name="withAudio">False: video only (a self-view must stay silent: the speaker is next to the microphone).</param>
    /// <param name="joinAtMarker">
    /// True: drop everything before the first segment marker (<see cref="SegmentMarker"/>), which a kiosk
    /// puts before PAT/PMT and a keyframe, so the picture starts cleanly. False for streams without
    /// markers (the officials'): ffmpeg finds PAT/PMT itself and the browser waits for a keyframe.
    /// </param>
    /// <exception cref="InvalidOperationException">ffmpeg is not installed.</exception>
    public FragmentedMp4Remux(string ffmpegPath, bool withAudio = true, bool joinAtMarker = true)
    {
        var info = new ProcessStartInfo(ffmpegPath) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        var audio = withAudio ? new[] { "-map", "0:a?", "-c:a", "aac", "-b:a", "64k" } : ["-an"];
        foreach (var a in (string[])
                 [
                     "-hide_banner", "-loglevel", "quiet", "-fflags", "+genpts", "-f", "mpegts", "-i", "pipe:0",
                     "-map", "0:v:0", .. audio, "-c:v", "copy",
                     "-f", "mp4", "-movflags", "frag_keyframe+empty_moov+default_base_moof", "-frag_duration", "500000", "pipe:1",
                 ])
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            _process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start (install Debian's ffmpeg).");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot start '{ffmpegPath}': install Debian's ffmpeg (apt-get install ffmpeg).", e);
        }

        _joined = !joinAtMarker;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>The fragmented MP4, to copy to the browser.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Whole TS packets, from any one thread at a time; starts at the first segment marker when asked to.</summary>
    public void Feed(ReadOnlySpan<byte> packets)
    {
        if (!_joined)
        {
            var start = -1;
            for (var i = 0; i + SegmentMarker.TsPacketSize <= packets.Length; i += SegmentMarker.TsPacketSize)
            {
                if (SegmentMarker.IsMarkerPacket(packets[i..]))
                {
                    start = i;
                    break;
                }
            }

            if (start < 0)
            {
                return;
            }

            _joined = true;
            packets = packets[start..];
        }

        _input.Writer.TryWrite(packets.ToArray());
    }

    /// <summary>The stream ended: ffmpeg finishes the last fragment and exits.</summary>
    public void Complete() => _input.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        _input.Writer.TryComplete();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }

        await _process.WaitForExitAsync();
        await _writer;
        _process.Dispose();
    }

    private async Task WriteAsync()
    {
        var stdin = _process.StandardInput.BaseStream;
        try
        {
            await foreach (var chunk in _input.Reader.ReadAllAsync())
            {
                await stdin.WriteAsync(chunk);
                await stdin.FlushAsync();
            }
        }
        catch (IOException)
        {
            // ffmpeg went away (the browser left): nothing more to write.
        }
        finally
        {
            try
            {
                stdin.Close();
            }
            catch (IOException)
            {
                // already broken
            }
        }
    }
}
