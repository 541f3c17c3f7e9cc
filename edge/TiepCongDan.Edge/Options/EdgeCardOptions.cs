namespace TiepCongDan.Edge.Options;

/// <summary>
/// The chip ID card reader (section "Edge:Card"), validated at start by <see cref="EdgeCardOptionsValidator"/>.
/// Off by default: a kiosk without a reader (and without pcscd), like the simulated kiosks of
/// `./build.sh run`, must start without it. `tcd-edge card read` uses these values as defaults too.
/// </summary>
public sealed class EdgeCardOptions
{
    public const string SectionName = "Edge:Card";

    /// <summary>At most 0xDF: readers without extended length (ACR122U class) fail on longer READ BINARY answers.</summary>
    public const int MaxChunkSize = 0xDF;

    /// <summary>Watch the PC/SC readers and read cards for the sessions; the card-reader device reports their health.</summary>
    public bool Enabled { get; set; }

    /// <summary>Part of the reader's PC/SC name to use, e.g. "ACS ACR1252"; empty: the first reader with a card.</summary>
    public string? ReaderName { get; set; }

    /// <summary>Folder of trusted CSCA certificates (*.pem, *.crt, *.cer, *.der); empty: authenticity is at best "unknown issuer".</summary>
    public string? CscaDirectory { get; set; }

    /// <summary>Read DG2 (the face image). Off: the register does not need it, and what is not read cannot leak.</summary>
    public bool ReadFaceImage { get; set; }

    /// <summary>Milliseconds one APDU may take before the read fails as "reader or card not answering".</summary>
    public int ApduTimeoutMs { get; set; } = 5000;

    /// <summary>Bytes per READ BINARY, 1 to 223 (0xDF).</summary>
    public int ChunkSize { get; set; } = MaxChunkSize;
}
