using System.Diagnostics;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>
/// A simulated official: ffmpeg encodes a test picture and tone (H.264 + AAC in TS, real time) to
/// its stdout and the test sends it to the hub over SRT, 1316 bytes per message. Killed by PID on dispose.
/// </summary>
public sealed class FfmpegOfficial : IDisposable
{
    private readonly Process _ffmpeg;
    private readonly SrtConnection _connection;
    private readonly Task _pump;
    private volatile bool _stopping;

    public FfmpegOfficial(SrtConnection connection, string pattern, int frequency)
    {
        _connection = connection;
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[]
                 {
                     "-hide_banner", "-loglevel", "error", "-nostdin", "-re",
                     "-f", "lavfi", "-i", $"{pattern}=size=320x180:rate=25",
                     "-f", "lavfi", "-i", $"sine=frequency={frequency}:sample_rate=48000",
                     "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25", "-b:v", "400k",
                     "-c:a", "aac", "-b:a", "64k", "-f", "mpegts", "pipe:1",
                 })
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            _ffmpeg = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("ffmpeg is missing: install the Debian package ffmpeg.", e);
        }

        _ffmpeg.ErrorDataReceived += (_, _) => { };
        _ffmpeg.BeginErrorReadLine();
        _pump = Task.Run(Pump);
    }

    public long BytesSent { get; private set; }

    public void Dispose()
    {
        _stopping = true;
        try
        {
            _ffmpeg.Kill();
        }
        catch (InvalidOperationException)
        {
        }

        _ = _pump.Wait(TimeSpan.FromSeconds(5));
        _ffmpeg.Dispose();
        _connection.Dispose();
    }

    private void Pump()
    {
        var stream = _ffmpeg.StandardOutput.BaseStream;
        var buffer = new byte[SrtConnection.MaxMessageBytes];
        while (!_stopping)
        {
            try
            {
                stream.ReadExactly(buffer);
                _connection.Send(buffer);
                BytesSent += buffer.Length;
            }
            catch (Exception e) when (e is EndOfStreamException or IOException or SrtException or ObjectDisposedException)
            {
                break;
            }
        }
    }
}
