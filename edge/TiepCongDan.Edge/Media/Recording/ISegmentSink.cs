namespace TiepCongDan.Edge.Media.Recording;

/// <summary>Where <see cref="TsSegmenter"/> puts segments. Called on the writer's thread, in order.</summary>
internal interface ISegmentSink
{
    void BeginSegment(int sequence, long startPts);

    void Append(ReadOnlySpan<byte> packets);

    void EndSegment(SegmentSummary summary);
}
