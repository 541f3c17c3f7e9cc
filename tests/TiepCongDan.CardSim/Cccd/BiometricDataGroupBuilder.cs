using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// The biometric data groups (ICAO 9303-10 §4.7.2): DG2, 75 { 7F61 { 02 count, 7F60 { A1 biometric
/// header, 5F2E ISO/IEC 19794-5 facial record } } } around a real (tiny, grey) JPEG grown to the wanted size with comment segments of varied bytes, so
/// every chunk of a chunked read differs and a misplaced chunk shows; and DG3 (fingerprints) alike.
/// </summary>
internal static class BiometricDataGroupBuilder
{
    /// <summary>A 24x32 grey baseline JPEG made with FFmpeg from a gradient: no person's face.</summary>
    private const string TinyJpeg =
        "/9j/4AAQSkZJRgABAgAAAQABAAD//gAQTGF2YzU5LjM3LjEwMAD/2wBDAAgUFBcUFxsbGxsbGyAeICEhISAgICAhISEkJCQqKiokJCQhISQkKCgqKi4vLisrKisvLzIyMjw8OTlGRkhWVmf/xABVAAEBAQEBAAAAAAAAAAAAAAAFBgQCBwEAAwEBAAAAAAAAAAAAAAAAAAECAwUQAQEBAQAAAAAAAAAAAAAAAAIAEQERAQAAAAAAAAAAAAAAAAAAAAD/wAARCAAgABgDARIAAhIAAxIA/9oADAMBAAIRAxEAPwDYFFhXPN0grgosKzUArStjArNQDz3ncubYECwUce5SZkqwosKgzD//2Q==";

    private const int Width = 24;
    private const int Height = 32;

    public static byte[] Dg2(int jpegBytes, string seed)
    {
        var jpeg = Jpeg(jpegBytes, seed);
        var record = FacialRecord(jpeg);
        byte[] header = [
            .. Tlv.Encode(0x80, [0x01, 0x01]), // ICAO header version
            .. Tlv.Encode(0x81, [0x02]), // biometric type: facial features
            .. Tlv.Encode(0x87, [0x01, 0x01]), // format owner: ISO/IEC JTC 1 SC 37
            .. Tlv.Encode(0x88, [0x00, 0x08]), // format type: face image
        ];
        var instance = Tlv.Encode(0x7F60, [.. Tlv.Encode(0xA1, header), .. Tlv.Encode(0x5F2E, record)]);
        return Tlv.Encode(0x75, Tlv.Encode(0x7F61, [.. Tlv.Encode(0x02, [0x01]), .. instance]));
    }

    /// <summary>DG3: 63 { 7F61 { 02 count, 7F60 { A1 header (finger), 5F2E an ISO/IEC 19794-4 record of made-up bytes } } }.</summary>
    public static byte[] Dg3(string seed)
    {
        var counter = 0;
        byte[] record = [.. "FIR\0"u8, .. "010\0"u8, .. Filler(600, seed + "/finger", ref counter)];
        byte[] header = [
            .. Tlv.Encode(0x80, [0x01, 0x01]),
            .. Tlv.Encode(0x81, [0x08]), // biometric type: fingerprint
            .. Tlv.Encode(0x87, [0x01, 0x01]),
            .. Tlv.Encode(0x88, [0x00, 0x07]), // format type: finger image
        ];
        var instance = Tlv.Encode(0x7F60, [.. Tlv.Encode(0xA1, header), .. Tlv.Encode(0x5F2E, record)]);
        return Tlv.Encode(0x63, Tlv.Encode(0x7F61, [.. Tlv.Encode(0x02, [0x01]), .. instance]));
    }

    /// <summary>The tiny JPEG with COM segments inserted after SOI/APP0 until it is <paramref name="size"/> bytes.</summary>
    public static byte[] Jpeg(int size, string seed)
    {
        var tiny = Convert.FromBase64String(TinyJpeg);
        const int App0End = 2 + 2 + 16;
        var padding = size - tiny.Length;
        var output = new List<byte>(size);
        output.AddRange(tiny.AsSpan(0, App0End));
        var counter = 0;
        while (padding > 4)
        {
            var segment = Math.Min(padding, 60_000);
            var payload = segment - 4;
            output.AddRange([0xFF, 0xFE, (byte)((payload + 2) >> 8), (byte)(payload + 2)]);
            output.AddRange(Filler(payload, seed, ref counter));
            padding -= segment;
        }

        output.AddRange(tiny.AsSpan(App0End));
        return [.. output];
    }

    private static byte[] Filler(int length, string seed, ref int counter)
    {
        var result = new byte[length];
        var offset = 0;
        while (offset < length)
        {
            var block = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{seed}/{counter++}"));
            var n = Math.Min(block.Length, length - offset);
            block.AsSpan(0, n).CopyTo(result.AsSpan(offset));
            offset += n;
        }

        return result;
    }

    /// <summary>ISO/IEC 19794-5:2005 facial record: header, one facial information block, image information, JPEG.</summary>
    private static byte[] FacialRecord(byte[] jpeg)
    {
        const int HeaderLength = 14;
        const int FacialInformationLength = 20;
        const int ImageInformationLength = 12;
        var blockLength = FacialInformationLength + ImageInformationLength + jpeg.Length;
        var record = new byte[HeaderLength + blockLength];
        var span = record.AsSpan();
        "FAC\0"u8.CopyTo(span);
        "010\0"u8.CopyTo(span[4..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], (uint)record.Length);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], 1);

        var face = span[HeaderLength..];
        BinaryPrimitives.WriteUInt32BigEndian(face, (uint)blockLength);
        // Feature points 0, gender, eye and hair colour, property mask, expression, pose: unspecified (zeros).
        var image = face[FacialInformationLength..];
        image[0] = 0x01; // face image type: full frontal
        image[1] = 0x00; // image data type: JPEG
        BinaryPrimitives.WriteUInt16BigEndian(image[2..], Width);
        BinaryPrimitives.WriteUInt16BigEndian(image[4..], Height);
        image[6] = 0x01; // colour space: sRGB
        image[7] = 0x02; // source type: digital still camera
        jpeg.CopyTo(image[ImageInformationLength..]);
        return record;
    }
}
