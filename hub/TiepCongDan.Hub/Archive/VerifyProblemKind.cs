namespace TiepCongDan.Hub.Archive;

/// <summary>What <see cref="ArchiveVerifier"/> found wrong; the names are what scripts read.</summary>
public enum VerifyProblemKind
{
    /// <summary>No manifest.json or manifest.sig: the session was never sealed, or they were deleted.</summary>
    ManifestMissing,

    /// <summary>manifest.json's bytes differ from what was signed (or it is no longer readable).</summary>
    ManifestAltered,

    /// <summary>The signature does not verify with the hub's public key.</summary>
    BadSignature,

    /// <summary>The manifest's own hash chain does not follow from its segment hashes.</summary>
    ChainBroken,

    /// <summary>A segment file's SHA-256 differs from the manifest and matches no other segment.</summary>
    AlteredSegment,

    /// <summary>A segment file listed in the manifest is gone.</summary>
    MissingSegment,

    /// <summary>A segment file holds the content of another sequence number (files swapped or renamed).</summary>
    Reordered,

    /// <summary>A file in the session folder that the manifest does not list.</summary>
    ExtraFile,
}
