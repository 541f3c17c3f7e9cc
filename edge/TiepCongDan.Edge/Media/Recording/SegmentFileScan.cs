namespace TiepCongDan.Edge.Media.Recording;

/// <summary>What a tolerant read of a segment file found: the authenticated plaintext and where it ends.</summary>
internal sealed record SegmentFileScan(SegmentFileHeader Header, byte[] Plaintext, long ValidLength, uint Chunks, bool Final, long FileLength);
