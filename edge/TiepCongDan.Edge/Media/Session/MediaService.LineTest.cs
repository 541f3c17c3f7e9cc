using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Encoders;
using TiepCongDan.Edge.Media.Uplink;

namespace TiepCongDan.Edge.Media.Session;

/// <summary>
/// The line test (seed 004: the signal is checked before a session): ten seconds of the test
/// pattern with frame stamps, at the rung a session would start on, over the same SRT path. The
/// hub measures what arrives. Nothing is recorded: no citizen is in front of the camera.
/// </summary>
public sealed partial class MediaService
{
    public static readonly TimeSpan LineTestDuration = TimeSpan.FromSeconds(10);

    public async Task<bool> RunLineTestAsync(CancellationToken cancellationToken)
    {
        if (!_options.Media.Enabled || _recorder is null)
        {
            return false;
        }

        // Never queue behind a session: a line test is for the minutes before one.
        if (!await _gate.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            MediaServiceLog.LineTestRefused(_logger);
            return false;
        }

        if (_session is not null)
        {
            _gate.Release();
            MediaServiceLog.LineTestRefused(_logger);
            return false;
        }

        try
        {
            var now = _time.GetUtcNow();
            var id = MediaSessionId.NewLineTest(_options.KioskId, now);
            var rung = MediaSettingsFactory.Ladder(_options)[_options.Media.StartRung];
            var capture = MediaSettingsFactory.Capture(_options);
            capture.Source = CaptureSource.Simulated;
            await using var uplink = new SrtUplink(MediaSettingsFactory.Uplink(_options, id, _hubRtt()), _time, _loggers.CreateLogger("TiepCongDan.Edge.Media.Uplink"));
            var encoder = new FfmpegSupervisor(capture, MediaSettingsFactory.Encode(_options, rung), _time,
                _loggers.CreateLogger("TiepCongDan.Edge.Media.Encoder"), uplink.Send, _encoderOptions);
            await using (encoder)
            {
                MediaServiceLog.LineTestStarted(_logger, id, rung.ToString());
                uplink.Start();
                encoder.Start();
                await Task.Delay(LineTestDuration, _time, cancellationToken);
                await encoder.StopAsync();
            }

            await uplink.DrainAsync(TimeSpan.FromSeconds(2));
            MediaServiceLog.LineTestEnded(_logger, id, uplink.SentBytes, uplink.State.ToString());
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or IOException)
        {
            MediaServiceLog.LineTestFailed(_logger, ex);
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }
}
