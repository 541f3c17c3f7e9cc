using System.Security.Cryptography;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// Checks one session's files against its signed manifest: the signature, the manifest's bytes, its hash
/// chain, every segment's SHA-256 (streamed, never loaded whole), and files the manifest does not list.
/// Stateless and thread-safe; used by the API and by <c>tcd-hub archive verify</c>.
/// </summary>
public static class ArchiveVerifier
{
    public static async Task<VerifyReport> VerifyAsync(ISessionFiles files, SessionLocation session, ECDsa publicKey, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var problems = new List<VerifyProblem>();
        var sessionId = session.SessionId;
        if (!files.Exists(session, ArchiveLayout.ManifestFile))
        {
            problems.Add(new VerifyProblem(VerifyProblemKind.ManifestMissing, null, ArchiveLayout.ManifestFile,
                "manifest.json is missing: the session was never sealed or its manifest was deleted."));
            return new VerifyReport(sessionId, false, 0, 0, null, problems, now);
        }

        var manifestBytes = await ReadAllAsync(files, session, ArchiveLayout.ManifestFile, cancellationToken);
        await CheckSignatureAsync(files, session, ArchiveLayout.ManifestFile, ArchiveLayout.SignatureFile, manifestBytes, publicKey, problems, cancellationToken);

        SessionManifest manifest;
        try
        {
            manifest = ManifestJson.Parse(manifestBytes);
        }
        catch (FormatException ex)
        {
            problems.Add(new VerifyProblem(VerifyProblemKind.ManifestAltered, null, ArchiveLayout.ManifestFile, ex.Message));
            return new VerifyReport(sessionId, false, 0, 0, null, problems, now);
        }

        if (manifest.Session != sessionId)
        {
            problems.Add(new VerifyProblem(VerifyProblemKind.ManifestAltered, null, ArchiveLayout.ManifestFile,
                $"manifest.json names session {manifest.Session}, not {sessionId}."));
        }

        CheckChain(manifest, problems);
        await CheckHistoryAsync(files, session, manifest, publicKey, problems, cancellationToken);
        await CheckSegmentsAsync(files, session, manifest, problems, cancellationToken);
        CheckExtraFiles(files, session, manifest, problems);
        return new VerifyReport(sessionId, problems.Count == 0, manifest.Version, manifest.Segments.Count, manifest.ChainHead, problems, now);
    }

    private static async Task CheckSignatureAsync(ISessionFiles files, SessionLocation session, string manifestName, string signatureName,
        byte[] manifestBytes, ECDsa publicKey, List<VerifyProblem> problems, CancellationToken cancellationToken)
    {
        if (!files.Exists(session, signatureName))
        {
            problems.Add(new VerifyProblem(VerifyProblemKind.ManifestMissing, null, signatureName,
                $"{signatureName} is missing: nothing proves {manifestName} is the hub's."));
            return;
        }

        ManifestSignature signature;
        try
        {
            signature = ManifestSignature.Parse(await ReadAllAsync(files, session, signatureName, cancellationToken));
        }
        catch (FormatException ex)
        {
            problems.Add(new VerifyProblem(VerifyProblemKind.BadSignature, null, signatureName, ex.Message));
            return;
        }

        if (Convert.ToHexStringLower(SHA256.HashData(manifestBytes)) != signature.ManifestSha256)
        {
            problems.Add(new VerifyProblem(VerifyProblemKind.ManifestAltered, null, manifestName,
                $"{manifestName} is not the document that was signed (its SHA-256 differs from {signatureName})."));
            return;
        }

        if (!signature.Verifies(manifestBytes, publicKey))
        {
            problems.Add(new VerifyProblem(VerifyProblemKind.BadSignature, null, signatureName,
                $"the signature of {manifestName} does not verify with the hub's public key {ArchiveSigningKey.KeyId(publicKey)} (manifest.sig names key {signature.KeyId})."));
        }
    }

    /// <summary>Earlier versions (kept when metadata changed) must be there, signed, and describe the same segments.</summary>
    private static async Task CheckHistoryAsync(ISessionFiles files, SessionLocation session, SessionManifest current, ECDsa publicKey,
        List<VerifyProblem> problems, CancellationToken cancellationToken)
    {
        for (var version = 1; version < current.Version; version++)
        {
            var json = ArchiveLayout.HistoryName(version, ".json");
            var sig = ArchiveLayout.HistoryName(version, ".sig");
            if (!files.Exists(session, json))
            {
                problems.Add(new VerifyProblem(VerifyProblemKind.ManifestMissing, null, json, $"the earlier signed manifest v{version} ({json}) is missing."));
                continue;
            }

            var bytes = await ReadAllAsync(files, session, json, cancellationToken);
            await CheckSignatureAsync(files, session, json, sig, bytes, publicKey, problems, cancellationToken);
            try
            {
                if (ManifestJson.Parse(bytes).ChainHead != current.ChainHead)
                {
                    problems.Add(new VerifyProblem(VerifyProblemKind.ChainBroken, null, json, $"the earlier manifest v{version} lists other segments than the current one."));
                }
            }
            catch (FormatException ex)
            {
                problems.Add(new VerifyProblem(VerifyProblemKind.ManifestAltered, null, json, ex.Message));
            }
        }
    }

    private static void CheckChain(SessionManifest manifest, List<VerifyProblem> problems)
    {
        var chain = HashChain.Genesis;
        for (var i = 0; i < manifest.Segments.Count; i++)
        {
            var segment = manifest.Segments[i];
            if (segment.Seq != i)
            {
                problems.Add(new VerifyProblem(VerifyProblemKind.ChainBroken, segment.Seq, null,
                    $"the manifest lists segment {segment.Seq} at position {i}."));
            }

            try
            {
                chain = HashChain.Next(chain, segment.Seq, segment.Sha256);
            }
            catch (FormatException ex)
            {
                problems.Add(new VerifyProblem(VerifyProblemKind.ChainBroken, segment.Seq, null, ex.Message));
                return;
            }

            if (segment.Chain != chain)
            {
                problems.Add(new VerifyProblem(VerifyProblemKind.ChainBroken, segment.Seq, null,
                    $"the chain value of segment {segment.Seq} does not follow from the segments before it."));
                return;
            }
        }

        if (manifest.ChainHead != chain)
        {
            problems.Add(new VerifyProblem(VerifyProblemKind.ChainBroken, null, null, "the chain head is not the last segment's chain value."));
        }
    }

    private static async Task CheckSegmentsAsync(ISessionFiles files, SessionLocation session, SessionManifest manifest, List<VerifyProblem> problems,
        CancellationToken cancellationToken)
    {
        var sequenceByHash = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var segment in manifest.Segments)
        {
            sequenceByHash.TryAdd(segment.Sha256, segment.Seq);
        }

        foreach (var segment in manifest.Segments)
        {
            var name = ArchiveLayout.SegmentFileName(segment.Seq);
            if (!files.Exists(session, name))
            {
                problems.Add(new VerifyProblem(VerifyProblemKind.MissingSegment, segment.Seq, name, $"segment {segment.Seq} ({name}) is missing."));
                continue;
            }

            var actual = await HashAsync(files, session, name, cancellationToken);
            if (actual == segment.Sha256)
            {
                continue;
            }

            if (sequenceByHash.TryGetValue(actual, out var other))
            {
                problems.Add(new VerifyProblem(VerifyProblemKind.Reordered, segment.Seq, name,
                    $"segment {segment.Seq} ({name}) holds the content of segment {other}: the segments were reordered."));
            }
            else
            {
                problems.Add(new VerifyProblem(VerifyProblemKind.AlteredSegment, segment.Seq, name,
                    $"segment {segment.Seq} ({name}) was altered: its SHA-256 is {actual}, the manifest says {segment.Sha256}."));
            }
        }
    }

    private static void CheckExtraFiles(ISessionFiles files, SessionLocation session, SessionManifest manifest, List<VerifyProblem> problems)
    {
        var expected = new HashSet<string>(manifest.Segments.Select(s => ArchiveLayout.SegmentFileName(s.Seq)), StringComparer.Ordinal)
        {
            ArchiveLayout.ManifestFile,
            ArchiveLayout.SignatureFile,
        };
        foreach (var name in files.List(session))
        {
            if (expected.Contains(name) || name == ArchiveLayout.HistoryFolder + "/")
            {
                continue;
            }

            problems.Add(new VerifyProblem(VerifyProblemKind.ExtraFile, null, name, $"{name} is in the session folder but not in the manifest."));
        }
    }

    /// <summary>Lower-case hex SHA-256 of a session file, streamed.</summary>
    public static async Task<string> HashAsync(ISessionFiles files, SessionLocation session, string name, CancellationToken cancellationToken)
    {
        await using var file = files.OpenRead(session, name);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }

    /// <summary>A small file (manifest, signature) whole.</summary>
    public static async Task<byte[]> ReadAllAsync(ISessionFiles files, SessionLocation session, string name, CancellationToken cancellationToken)
    {
        await using var file = files.OpenRead(session, name);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
