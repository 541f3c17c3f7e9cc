using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// The segment hash chain of a manifest: chain_n = SHA-256(chain_{n-1} || seq_n as 4-byte big-endian ||
/// sha256_n as 32 raw bytes), chain_{-1} = 32 zero bytes. The head commits to every segment and its
/// position, so a signature over the head alone would already prove order and content.
/// </summary>
public static class HashChain
{
    public static string Genesis { get; } = Convert.ToHexStringLower(new byte[32]);

    /// <summary>The next link, in lower-case hex.</summary>
    public static string Next(string previousHex, int sequence, string segmentSha256Hex)
    {
        Span<byte> input = stackalloc byte[32 + 4 + 32];
        if (Convert.FromHexString(previousHex, input[..32], out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            throw new FormatException($"'{previousHex}' is not a 32-byte hex chain value.");
        }

        BinaryPrimitives.WriteInt32BigEndian(input.Slice(32, 4), sequence);
        if (Convert.FromHexString(segmentSha256Hex, input[36..], out _, out written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            throw new FormatException($"'{segmentSha256Hex}' is not a SHA-256 in hex.");
        }

        return Convert.ToHexStringLower(SHA256.HashData(input));
    }
}
