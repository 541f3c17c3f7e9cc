namespace TiepCongDan.Edge.Card.Reading;

/// <summary>How a read runs: chunk size of READ BINARY (at most 0xDF), whether DG2's face image is read.</summary>
public sealed record ChipReadSettings
{
    public int ChunkSize { get; init; } = CardFileReader.MaxChunk;

    /// <summary>Off by default: the register does not need the face, and what is not read cannot leak.</summary>
    public bool ReadFaceImage { get; init; }
}
