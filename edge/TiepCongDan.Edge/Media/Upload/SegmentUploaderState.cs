namespace TiepCongDan.Edge.Media.Upload;

/// <summary>What the uploader is doing now (for the kiosk's status page and metrics).</summary>
public enum SegmentUploaderState
{
    NotStarted,
    Uploading,
    Idle,
    WaitingToRetry,
    Stopped,
}
