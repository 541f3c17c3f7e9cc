namespace TiepCongDan.Edge.Card.Reading;

/// <summary>
/// The image inside DG2 (ICAO 9303-10: 75 / 7F61 / 7F60 / 5F2E or 7F2E, an ISO 19794-5 record):
/// found by its JPEG or JPEG 2000 signature rather than by walking every header version.
/// </summary>
internal static class FaceImage
{
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Jpeg2000 => [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20];

    private static ReadOnlySpan<byte> Jpeg2000Codestream => [0xFF, 0x4F, 0xFF, 0x51];

    public static byte[] Extract(ReadOnlySpan<byte> dg2)
    {
        foreach (var signature in new[] { Jpeg.ToArray(), Jpeg2000.ToArray(), Jpeg2000Codestream.ToArray() })
        {
            var at = dg2.IndexOf(signature);
            if (at >= 0)
            {
                return dg2[at..].ToArray();
            }
        }

        throw new Parsing.CardDataException("DG2 holds no JPEG or JPEG 2000 image");
    }
}
