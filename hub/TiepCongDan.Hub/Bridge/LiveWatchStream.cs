using System.Diagnostics;
using System.Threading.Channels;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// One browser watching a live session: the session's TS, from its next segment marker (so the
/// picture starts at a keyframe with PAT/PMT), remuxed (video not transcoded) by a Debian `ffmpeg`
/// child into fragmented MP4 that a &lt;video&gt; element plays as it arrives. The bus callback only
/// copies into a bounded channel (oldest dropped), so a slow browser never holds up the ingest.
/// </summary>
internal sealed class LiveWatchStream : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<byte[]> _input = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(2048) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Task _writer;
    private bool _joined;

    public LiveWatchStream(string ffmpegPath)
    {
        var info = new ProcessStartInfo(ffmpegPath) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[]
                 {
                     "-hide_banner", "-loglevel", "quiet", "-fflags", "+genpts", "-f", "mpegts", "-i", "pipe:0",
                     // Video as sent; audio re-encoded (cheap) because fragmented MP4 writes its header
                     // before the first packet, and AAC copied from ADTS has no config there yet (MSE refuses it).
                     "-map", "0:v:0", "-map", "0:a?", "-c:v", "copy", "-c:a", "aac", "-b:a", "64k",
                     "-f", "mp4", "-movflags", "frag_keyframe+empty_moov+default_base_moof", "-frag_duration", "500000", "pipe:1",
                 })
        {
            info.ArgumentList.Add(a);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start (install Debian's ffmpeg).");
        _writer = Task.Run(WriteAsync);
    }

    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Called on the ingest thread with whole TS packets; starts at the first segment marker.</summary>
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

    /// <summary>The session ended: ffmpeg finishes the last fragment and exits.</summary>
    public void Complete() => _input.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        _input.Writer.TryComplete();
        if (!_process.HasExited)
        {
            _process.Kill();
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
            // ffmpeg went away (browser left): nothing more to write.
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
