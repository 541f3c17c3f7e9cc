using TiepCongDan.Edge.Devices;

namespace TiepCongDan.Edge.Media.Capture;

/// <summary>The reading for a microphone and, when present, ffmpeg's ALSA input name (hw:CARD=id,DEV=0; empty when absent).</summary>
public sealed record AlsaCardLookup(DeviceReading Reading, string FfmpegDevice);
