using System.Globalization;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Hub.Media;

/// <summary>Reads and checks the headers of a PATCH; throws <see cref="MediaRequestException"/> (400/413/415) naming the header.</summary>
public static class SegmentUploadHeaders
{
    public static SegmentUpload Parse(IHeaderDictionary headers, string? contentType, long? contentLength)
    {
        if (!string.Equals(contentType, SegmentUploadProtocol.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new MediaRequestException(StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be {SegmentUploadProtocol.ContentType}.");
        }

        var offset = NonNegative(headers, SegmentUploadProtocol.UploadOffsetHeader);
        var length = NonNegative(headers, SegmentUploadProtocol.UploadLengthHeader);
        if (length > SegmentUploadProtocol.MaxSegmentBytes)
        {
            throw new MediaRequestException(StatusCodes.Status413PayloadTooLarge, $"Upload-Length {length} is over the {SegmentUploadProtocol.MaxSegmentBytes} bytes a segment may have.");
        }

        if (offset > length)
        {
            throw new MediaRequestException($"Upload-Offset {offset} is past Upload-Length {length}.");
        }

        if (contentLength is { } body && body > length - offset)
        {
            throw new MediaRequestException(StatusCodes.Status413PayloadTooLarge, $"The body ({body} bytes) is longer than Upload-Length minus Upload-Offset ({length - offset}).");
        }

        var sha = headers[SegmentUploadProtocol.Sha256Header].ToString();
        if (!IsSha256(sha))
        {
            throw new MediaRequestException($"{SegmentUploadProtocol.Sha256Header} must be 64 hex digits.");
        }

        return new SegmentUpload(offset, length, sha.ToLowerInvariant(),
            NonNegative(headers, SegmentUploadProtocol.StartPtsHeader), NonNegative(headers, SegmentUploadProtocol.DurationMsHeader));
    }

    public static bool IsSha256(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigit);

    /// <summary>A segment number from the URL: a non-negative integer.</summary>
    public static int Sequence(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new MediaRequestException($"Segment number '{value}' must be a non-negative integer.");

    private static long NonNegative(IHeaderDictionary headers, string name)
    {
        var raw = headers[name].ToString();
        if (raw.Length == 0)
        {
            throw new MediaRequestException($"The {name} header is missing.");
        }

        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new MediaRequestException($"The {name} header must be a non-negative integer, got '{raw}'.");
    }
}
