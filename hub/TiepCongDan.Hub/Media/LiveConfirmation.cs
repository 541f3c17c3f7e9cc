namespace TiepCongDan.Hub.Media;

/// <summary>What <see cref="SegmentUploadService.ConfirmLiveSegmentAsync"/> did.</summary>
public enum LiveConfirmation
{
    Confirmed,
    AlreadyConfirmed,
}
