using System.Security.Cryptography;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Archive;

namespace TiepCongDan.Hub.Tests.Archive;

/// <summary>The manifest's canonical form, its hash chain and signature record, and the citizen reference rule, without a hub.</summary>
public sealed class ManifestFormatTests
{
    private static readonly string ShaA = Convert.ToHexStringLower(SHA256.HashData("a"u8));
    private static readonly string ShaB = Convert.ToHexStringLower(SHA256.HashData("b"u8));

    [Fact]
    public void Chain_links_are_sha256_of_previous_sequence_big_endian_and_segment_hash()
    {
        var first = HashChain.Next(HashChain.Genesis, 0, ShaA);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. new byte[32], 0, 0, 0, 0, .. Convert.FromHexString(ShaA)])), first);
        var second = HashChain.Next(first, 258, ShaB);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. Convert.FromHexString(first), 0, 0, 1, 2, .. Convert.FromHexString(ShaB)])), second);

        // Position matters: the same content at another sequence number gives another link.
        Assert.NotEqual(HashChain.Next(HashChain.Genesis, 1, ShaA), first);
        Assert.Throws<FormatException>(() => HashChain.Next(HashChain.Genesis, 0, "not-hex"));
    }

    [Fact]
    public void Manifest_serialises_canonically_and_round_trips_with_vietnamese_names_readable()
    {
        var link0 = HashChain.Next(HashChain.Genesis, 0, ShaA);
        var manifest = new SessionManifest(2, "20261123T025100Z-14-04171-9f3a", "14-04171", "04171", "14",
            [new Official("Nguyễn Văn An", "chủ trì")], DateTimeOffset.FromUnixTimeMilliseconds(1_763_866_260_123),
            DateTimeOffset.FromUnixTimeMilliseconds(1_763_866_860_000), CaseKinds.Petition, "2026/TCD-0412",
            [new ManifestSegment(0, ShaA, 10, 126_000, 6000, link0)], link0, DateTimeOffset.FromUnixTimeMilliseconds(1_763_870_000_000));

        var bytes = ManifestJson.Serialize(manifest);
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.StartsWith("{\n  \"format\": \"tcd-archive-manifest/1\",\n  \"version\": 2,\n  \"session\":", text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Nguyễn Văn An\"", text, StringComparison.Ordinal);
        Assert.Contains("\"start\": \"2025-11-23T02:51:00.123Z\"", text, StringComparison.Ordinal);
        var parsed = ManifestJson.Parse(bytes);
        Assert.Equal(bytes, ManifestJson.Serialize(parsed));
        Assert.Equal(manifest.Officials, parsed.Officials);
        Assert.Equal(manifest.Segments, parsed.Segments);
        Assert.Throws<FormatException>(() => ManifestJson.Parse("{\"format\":\"other\"}"u8));
    }

    [Fact]
    public void Signature_record_verifies_only_the_signed_bytes_with_the_signing_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var manifest = "{\"x\":1}"u8.ToArray();
        var signature = ManifestSignature.Parse(ManifestSignature.Create(manifest, key).ToJson());

        Assert.True(signature.Verifies(manifest, key));
        Assert.False(signature.Verifies("{\"x\":2}"u8, key));
        Assert.False(signature.Verifies(manifest, other));
        Assert.False((signature with { Signature = "not base64!" }).Verifies(manifest, key));
        Assert.Equal(ArchiveSigningKey.KeyId(key), signature.KeyId);
        Assert.Throws<FormatException>(() => ManifestSignature.Parse("[]"u8));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("2026/TCD-0412", true)]
    [InlineData("hmac:3f1c2a", true)]
    [InlineData("001099012345", false)]
    [InlineData(" 123456789 ", false)]
    [InlineData("line\nbreak", false)]
    public void Citizen_reference_refuses_what_looks_like_a_raw_id_number(string reference, bool accepted) =>
        Assert.Equal(accepted, CitizenReference.Problem(reference) is null);

    [Fact]
    public void Signing_key_is_created_0600_with_its_public_key_beside_it_and_loaded_again_unchanged()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tcd-archive-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = ArchiveSigningKey.PathFor(directory, null);
            string id;
            using (var created = ArchiveSigningKey.LoadOrCreate(path))
            {
                id = ArchiveSigningKey.KeyId(created);
            }

            using var loaded = ArchiveSigningKey.LoadOrCreate(path);
            using var publicOnly = ArchiveSigningKey.LoadPublic(ArchiveSigningKey.PublicPathFor(path));
            Assert.Equal(id, ArchiveSigningKey.KeyId(loaded));
            Assert.Equal(id, ArchiveSigningKey.KeyId(publicOnly));
            Assert.EndsWith("archive-signing.pub.pem", ArchiveSigningKey.PublicPathFor(path), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
