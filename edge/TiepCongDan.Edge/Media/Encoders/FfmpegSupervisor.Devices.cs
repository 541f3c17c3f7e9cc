using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Devices;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>Devices before each start: present (and negotiated) or absent with a sentence, polled until they return.</summary>
public sealed partial class FfmpegSupervisor
{
    private async Task<DeviceCheck> CheckDevicesAsync(CancellationToken stopping)
    {
        if (_capture.Source == CaptureSource.Simulated)
        {
            SetReadings(DeviceReading.Present, DeviceReading.Present);
            return new DeviceCheck(null, null);
        }

        if (CheckPresence() is { } absent)
        {
            return new DeviceCheck(absent, null);
        }

        var microphone = _options.MicrophoneLocator.Locate(_capture.MicrophoneCard);

        IReadOnlyList<V4l2FormatOffer> offers;
        try
        {
            offers = await V4l2DeviceLocator.ListFormatsAsync(_capture.FfmpegPath, _capture.CameraDevice, stopping);
        }
        catch (InvalidOperationException)
        {
            offers = [];
        }

        var negotiation = V4l2DeviceLocator.Negotiate(_capture, offers);
        if (negotiation.Note.Length > 0)
        {
            FfmpegLog.Negotiated(_logger, negotiation.Note);
        }

        return new DeviceCheck(null, new ResolvedDevices(negotiation, microphone.FfmpegDevice));
    }

    /// <summary>Cheap (no process, no device open): safe to call every poll while ffmpeg holds the camera.</summary>
    private string? CheckPresence()
    {
        var camera = _options.CameraLocator.Locate(_capture.CameraDevice);
        var microphone = _options.MicrophoneLocator.Locate(_capture.MicrophoneCard);
        SetReadings(camera, microphone.Reading);
        if (camera.Status == DeviceStatus.Present && microphone.Reading.Status == DeviceStatus.Present)
        {
            return null;
        }

        return string.Join(" ", new[] { camera.Reason, microphone.Reading.Reason }.Where(r => r.Length > 0));
    }

    private void SetReadings(DeviceReading camera, DeviceReading microphone)
    {
        lock (_gate)
        {
            _camera = camera;
            _microphone = microphone;
        }
    }
}
