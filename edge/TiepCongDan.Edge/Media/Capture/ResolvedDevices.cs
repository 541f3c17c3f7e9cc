namespace TiepCongDan.Edge.Media.Capture;

/// <summary>What the device locators found for a V4L2 start: the negotiated camera mode and the ALSA device for ffmpeg.</summary>
public sealed record ResolvedDevices(V4l2Negotiation Camera, string AlsaDevice);
