using System.Security.Cryptography;
using TiepCongDan.Hub.Archive;
using TiepCongDan.Hub.Cli;
using TiepCongDan.Hub.Tests.Media;

namespace TiepCongDan.Hub.Tests.Archive;

/// <summary>
/// A session uploaded through the real hub is sealed (manifest + signature), verifies intact, and every kind
/// of tampering is named by both the API and <c>tcd-hub archive verify</c>.
/// </summary>
public sealed class ArchiveSealAndVerifyTests : IClassFixture<MediaHubFixture>
{
    private const string Kiosk = "14-04172";
    private readonly MediaHubFixture _fixture;

    public ArchiveSealAndVerifyTests(MediaHubFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Complete_session_is_sealed_with_a_signed_hash_chained_manifest_and_verifies_intact()
    {
        var hub = _fixture.Hub;
        var session = await ArchivedSessions.UploadSealedAsync(hub, Kiosk);
        var directory = ArchivedSessions.Directory(hub, Kiosk, session);

        var manifestBytes = await File.ReadAllBytesAsync(Path.Combine(directory, ArchiveLayout.ManifestFile));
        var manifest = ManifestJson.Parse(manifestBytes);
        Assert.Equal(session, manifest.Session);
        Assert.Equal(Kiosk, manifest.Kiosk);
        Assert.Equal("04172", manifest.Commune);
        Assert.Equal("14", manifest.Province);
        Assert.Equal(TsSegments.Count, manifest.Segments.Count);
        var chain = new byte[32];
        for (var i = 0; i < manifest.Segments.Count; i++)
        {
            var s = manifest.Segments[i];
            Assert.Equal(i, s.Seq);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(ArchivedSessions.Segment(hub, Kiosk, session, i)))), s.Sha256);
            // The chain as documented, computed independently: SHA-256(prev || seq BE32 || sha256).
            chain = SHA256.HashData([.. chain, (byte)(i >> 24), (byte)(i >> 16), (byte)(i >> 8), (byte)i, .. Convert.FromHexString(s.Sha256)]);
            Assert.Equal(Convert.ToHexStringLower(chain), s.Chain);
        }

        Assert.Equal(Convert.ToHexStringLower(chain), manifest.ChainHead);
        Assert.Equal(ManifestJson.Serialize(manifest), manifestBytes);

        // An auditor's check: only the exported public key and the two files.
        var signature = ManifestSignature.Parse(await File.ReadAllBytesAsync(Path.Combine(directory, ArchiveLayout.SignatureFile)));
        var publicPem = Path.Combine(hub.DataDirectory, "keys", "archive-signing.pub.pem");
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(await File.ReadAllTextAsync(publicPem));
        Assert.True(publicKey.VerifyData(manifestBytes, Convert.FromBase64String(signature.Signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(hub.DataDirectory, "keys", "archive-signing.pem")));
        }

        var report = await ArchivedSessions.VerifyAsync(hub.Http, session);
        Assert.True(report.Intact, string.Join("; ", report.Problems.Select(p => p.Message)));
        Assert.Empty(report.Problems);
        Assert.Equal(TsSegments.Count, report.SegmentsChecked);

        var (code, output) = await CliVerifyAsync(session);
        Assert.Equal(0, code);
        Assert.Contains("intact: session " + session, output, StringComparison.Ordinal);
        Assert.Contains("nguyên vẹn", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("flip-byte", "altered-segment", 1)]
    [InlineData("delete-segment", "missing-segment", 2)]
    [InlineData("swap-segments", "reordered", 0)]
    [InlineData("extra-file", "extra-file", null)]
    [InlineData("edit-manifest", "manifest-altered", null)]
    [InlineData("corrupt-signature", "bad-signature", null)]
    public async Task Tampering_is_named_by_the_api_and_the_cli(string tampering, string expectedKind, int? expectedSequence)
    {
        var hub = _fixture.Hub;
        var session = await ArchivedSessions.UploadSealedAsync(hub, Kiosk);
        var directory = ArchivedSessions.Directory(hub, Kiosk, session);
        Tamper(directory, tampering);

        var report = await ArchivedSessions.VerifyAsync(hub.Http, session);
        Assert.False(report.Intact);
        var problem = report.Problems.FirstOrDefault(p => p.Kind == expectedKind);
        Assert.True(problem is not null, $"no {expectedKind} in: " + string.Join("; ", report.Problems.Select(p => p.Kind + ": " + p.Message)));
        Assert.Equal(expectedSequence, problem.Sequence);
        if (tampering == "swap-segments")
        {
            // Both swapped files are reported, each naming whose content it holds; nothing is called "altered".
            Assert.Equal([0, 1], report.Problems.Where(p => p.Kind == "reordered").Select(p => p.Sequence!.Value).Order());
            Assert.DoesNotContain(report.Problems, p => p.Kind == "altered-segment");
        }
        else
        {
            Assert.Single(report.Problems);
        }

        var (code, output) = await CliVerifyAsync(session);
        Assert.Equal(ArchiveCommand.ExitNotIntact, code);
        Assert.Contains("problem: " + expectedKind, output, StringComparison.Ordinal);
        Assert.Contains("not intact", output, StringComparison.Ordinal);
        Assert.Contains("KHÔNG nguyên vẹn", output, StringComparison.Ordinal);

        using var export = await hub.Http.GetAsync($"api/sessions/{session}/export.mp4");
        Assert.Equal(System.Net.HttpStatusCode.Conflict, export.StatusCode);
        Assert.Contains(expectedKind, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_whose_file_differs_from_its_confirmed_hash_is_not_sealed_until_the_file_is_right_again()
    {
        var hub = _fixture.Hub;
        var archive = hub.Get<SessionArchive>();
        var session = await ArchivedSessions.UploadAsync(hub, Kiosk);
        var path = ArchivedSessions.Segment(hub, Kiosk, session, 1);
        var original = await File.ReadAllBytesAsync(path);
        var altered = (byte[])original.Clone();
        altered[100] ^= 0xFF;
        await File.WriteAllBytesAsync(path, altered);
        await ArchivedSessions.DeclareEndAsync(hub, Kiosk, session);

        // Two passes (besides the background ones): the hub must never sign what it did not receive, and says so once.
        await archive.SealReadyAsync(CancellationToken.None);
        await archive.SealReadyAsync(CancellationToken.None);
        var manifest = Path.Combine(ArchivedSessions.Directory(hub, Kiosk, session), ArchiveLayout.ManifestFile);
        Assert.False(File.Exists(manifest));
        Assert.Equal(0, archive.Catalog.Find(session)!.ManifestVersion);
        Assert.Single(hub.Logs.Lines, l => l.Contains($"Session {session} not sealed: segment 1", StringComparison.Ordinal));

        await File.WriteAllBytesAsync(path, original);
        await archive.SealReadyAsync(CancellationToken.None);
        Assert.True(File.Exists(manifest));
        Assert.True((await ArchivedSessions.VerifyAsync(hub.Http, session)).Intact);
    }

    private static void Tamper(string directory, string tampering)
    {
        string Seg(int seq) => Path.Combine(directory, ArchiveLayout.SegmentFileName(seq));
        switch (tampering)
        {
            case "flip-byte":
                var bytes = File.ReadAllBytes(Seg(1));
                bytes[bytes.Length / 2] ^= 0x01;
                File.WriteAllBytes(Seg(1), bytes);
                break;
            case "delete-segment":
                File.Delete(Seg(2));
                break;
            case "swap-segments":
                File.Move(Seg(0), Seg(0) + ".tmp");
                File.Move(Seg(1), Seg(0));
                File.Move(Seg(0) + ".tmp", Seg(1));
                break;
            case "extra-file":
                File.WriteAllBytes(Path.Combine(directory, "000003.ts"), File.ReadAllBytes(Seg(2)));
                break;
            case "edit-manifest":
                var path = Path.Combine(directory, ArchiveLayout.ManifestFile);
                File.WriteAllText(path, File.ReadAllText(path).Replace("\"caseKind\": \"\"", "\"caseKind\": \"petition\"", StringComparison.Ordinal));
                break;
            case "corrupt-signature":
                var sigPath = Path.Combine(directory, ArchiveLayout.SignatureFile);
                var signature = ManifestSignature.Parse(File.ReadAllBytes(sigPath));
                var raw = Convert.FromBase64String(signature.Signature);
                raw[^3] ^= 0x40;
                File.WriteAllBytes(sigPath, (signature with { Signature = Convert.ToBase64String(raw) }).ToJson());
                break;
            default:
                throw new ArgumentException(tampering);
        }
    }

    private async Task<(int Code, string Output)> CliVerifyAsync(string session)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliRunner.RunAsync(["archive", "verify", session, "--data-dir", _fixture.Hub.DataDirectory], stdout, stderr);
        return (code, stdout + stderr.ToString());
    }
}
