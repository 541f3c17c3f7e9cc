using System.Globalization;

namespace TiepCongDan.Hub.Media;

/// <summary>Names one segment of one kiosk's session; the archive's address for it.</summary>
public sealed record SegmentKey(string KioskId, string SessionId, int Sequence)
{
    /// <summary>Primary key of the segment row ("{session}/{seq:D6}").</summary>
    public string RowId => SessionId + "/" + Sequence.ToString("D6", CultureInfo.InvariantCulture);

    public override string ToString() => $"{KioskId}/{RowId}";
}
