using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Cli;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// tcd-hub archive verify &lt;session&gt; | export &lt;session&gt; &lt;out.mp4&gt; [--data-dir D] [--public-key P].
/// Works on the files alone (no running hub, no database): an auditor with a copy of the session folder
/// and the public key can run it. Exit 0 only when the session is intact (and, for export, written).
/// </summary>
public static class ArchiveCommand
{
    public const int ExitNotIntact = 1;

    public const string Usage = """
          tcd-hub archive verify <session> [--data-dir D] [--public-key P]
                                                      check a session's segments, hash chain and signature; exit 0 only when intact
          tcd-hub archive export <session> <out.mp4> [--data-dir D] [--public-key P]
                                                      verify, then join the session into one MP4 (no transcode) for legal review
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (options, positional) = CliRunner.Parse(args);
        var verb = positional.Count > 0 ? positional[0] : string.Empty;
        if (!((verb == "verify" && positional.Count == 2) || (verb == "export" && positional.Count == 3)) || !MediaSessionId.IsValid(positional[1]))
        {
            stderr.WriteLine("usage:\n" + Usage);
            return CliRunner.ExitUsage;
        }

        var sessionId = positional[1];
        var dataDirectory = CliRunner.DataDirectory(options);
        var layout = new ArchiveLayout(dataDirectory);
        var files = new LocalSessionFiles(layout);
        var session = files.Find(sessionId);
        if (session is null)
        {
            stderr.WriteLine($"problem: session-not-found: no folder for session {sessionId} under {layout.Root}");
            stderr.WriteLine($"Không tìm thấy phiên {sessionId} trong kho lưu trữ.");
            return ExitNotIntact;
        }

        var publicKeyPath = options.GetValueOrDefault("public-key") ?? ArchiveSigningKey.PublicPathFor(
            ArchiveSigningKey.PathFor(dataDirectory, Environment.GetEnvironmentVariable("Hub__Media__Archive__SigningKeyPath")));
        VerifyReport report;
        try
        {
            using var key = ArchiveSigningKey.LoadPublic(publicKeyPath);
            report = await ArchiveVerifier.VerifyAsync(files, session, key, DateTimeOffset.UtcNow, CancellationToken.None);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidOperationException)
        {
            stderr.WriteLine("tcd-hub: " + ex.Message);
            return ExitNotIntact;
        }

        foreach (var line in report.Lines())
        {
            stdout.WriteLine(line);
        }

        if (!report.Intact)
        {
            if (verb == "export")
            {
                stderr.WriteLine("export refused: the archive failed verification");
            }

            return ExitNotIntact;
        }

        if (verb == "verify")
        {
            return 0;
        }

        var manifest = ManifestJson.Parse(await ArchiveVerifier.ReadAllAsync(files, session, ArchiveLayout.ManifestFile, CancellationToken.None));
        try
        {
            await Mp4Exporter.ExportAsync([.. manifest.Segments.Select(s => files.LocalPath(session, ArchiveLayout.SegmentFileName(s.Seq)))],
                positional[2], CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            stderr.WriteLine("tcd-hub: " + ex.Message);
            return ExitNotIntact;
        }

        stdout.WriteLine($"exported: {Path.GetFullPath(positional[2])} ({new FileInfo(positional[2]).Length} bytes)");
        stdout.WriteLine($"Đã xuất phiên {sessionId} ra tệp MP4.");
        return 0;
    }
}
