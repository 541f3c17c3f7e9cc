using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.Hub.Archive;
using TiepCongDan.Hub.Cli;
using TiepCongDan.Hub.Tests.Media;

namespace TiepCongDan.Hub.Tests.Archive;

/// <summary>MP4 export (API and CLI), metadata and legal hold with their roles, re-signing with history, and search.</summary>
public sealed class ArchiveExportAndMetadataTests : IClassFixture<MediaHubFixture>
{
    private const string Kiosk = "14-04173";
    private readonly MediaHubFixture _fixture;

    public ArchiveExportAndMetadataTests(MediaHubFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Export_is_one_mp4_ffprobe_reads_with_the_sessions_total_duration()
    {
        var hub = _fixture.Hub;
        var session = await ArchivedSessions.UploadSealedAsync(hub, Kiosk);
        var temp = Path.Combine(Path.GetTempPath(), "tcd-archive-export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        try
        {
            var viaApi = Path.Combine(temp, "api.mp4");
            using (var viewer = await ArchivedSessions.UserAsync(hub, "viewer"))
            using (var response = await viewer.GetAsync($"api/sessions/{session}/export.mp4", HttpCompletionOption.ResponseHeadersRead))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
                await using var file = File.Create(viaApi);
                await response.Content.CopyToAsync(file);
            }

            var (duration, codecs) = await ProbeAsync(viaApi);
            Assert.InRange(duration, (TsSegments.Count * TsSegments.SegmentMs / 1000.0) - 0.5, (TsSegments.Count * TsSegments.SegmentMs / 1000.0) + 0.5);
            Assert.Contains("h264", codecs, StringComparison.Ordinal);
            Assert.Contains("aac", codecs, StringComparison.Ordinal);

            // A byte range, as the browser's <video> asks.
            using (var ranged = new HttpRequestMessage(HttpMethod.Get, $"api/sessions/{session}/export.mp4"))
            {
                ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
                using var partial = await hub.Http.SendAsync(ranged);
                Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
                Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
            }

            var viaCli = Path.Combine(temp, "cli.mp4");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = await CliRunner.RunAsync(["archive", "export", session, viaCli, "--data-dir", hub.DataDirectory], stdout, stderr);
            Assert.True(code == 0, stdout + stderr.ToString());
            Assert.InRange((await ProbeAsync(viaCli)).Duration, duration - 0.1, duration + 0.1);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public async Task Metadata_needs_an_operator_re_signs_keeping_history_and_legal_hold_needs_an_admin()
    {
        var hub = _fixture.Hub;
        var session = await ArchivedSessions.UploadSealedAsync(hub, Kiosk);
        var body = new
        {
            officials = new[] { new { name = "Nguyễn Văn An", role = "Chủ tịch UBND xã, chủ trì" }, new { name = "Trần Thị Bình", role = "Thanh tra tỉnh" } },
            caseKind = "complaint",
            citizenRef = "2026/TCD-0412",
        };
        using var viewer = await ArchivedSessions.UserAsync(hub, "viewer");
        using var operatorClient = await ArchivedSessions.UserAsync(hub, "operator");
        using (var refused = await viewer.PutAsJsonAsync($"api/sessions/{session}/metadata", body))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var rawId = await operatorClient.PutAsJsonAsync($"api/sessions/{session}/metadata", body with { citizenRef = "001099012345" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, rawId.StatusCode);
            Assert.Contains("CCCD", await rawId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var accepted = await operatorClient.PutAsJsonAsync($"api/sessions/{session}/metadata", body))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var directory = ArchivedSessions.Directory(hub, Kiosk, session);
        var manifest = ManifestJson.Parse(await File.ReadAllBytesAsync(Path.Combine(directory, ArchiveLayout.ManifestFile)));
        Assert.Equal(2, manifest.Version);
        Assert.Equal("complaint", manifest.CaseKind);
        Assert.Equal("2026/TCD-0412", manifest.CitizenRef);
        Assert.Equal("Nguyễn Văn An", manifest.Officials[0].Name);
        var first = ManifestJson.Parse(await File.ReadAllBytesAsync(Path.Combine(directory, "manifests", "v0001.json")));
        Assert.Equal(1, first.Version);
        Assert.Equal(string.Empty, first.CaseKind);
        Assert.True(File.Exists(Path.Combine(directory, "manifests", "v0001.sig")));
        Assert.Equal(first.ChainHead, manifest.ChainHead);
        Assert.True((await ArchivedSessions.VerifyAsync(viewer, session)).Intact);

        using (var byOperator = await operatorClient.PutAsJsonAsync($"api/sessions/{session}/legal-hold", new { legalHold = true }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        }

        using (var byAdmin = await hub.Http.PutAsJsonAsync($"api/sessions/{session}/legal-hold", new { legalHold = true }))
        {
            Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        }

        using var detail = await viewer.GetFromJsonAsync<JsonDocument>($"api/sessions/{session}");
        var root = detail!.RootElement;
        Assert.True(root.GetProperty("session").GetProperty("legalHold").GetBoolean());
        Assert.True(root.GetProperty("session").GetProperty("complete").GetBoolean());
        Assert.Equal("Khiếu nại", root.GetProperty("session").GetProperty("caseKindVi").GetString());
        Assert.Equal(TsSegments.Count, root.GetProperty("segments").GetArrayLength());
        Assert.True(root.GetProperty("verify").GetProperty("intact").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await hub.Anonymous.GetAsync($"api/sessions/{session}")).StatusCode);

        // The history is evidence too: an edited earlier manifest is named.
        var earlier = Path.Combine(directory, "manifests", "v0001.json");
        await File.WriteAllTextAsync(earlier, (await File.ReadAllTextAsync(earlier)).Replace("\"caseKind\": \"\"", "\"caseKind\": \"feedback\"", StringComparison.Ordinal));
        var report = await ArchivedSessions.VerifyAsync(viewer, session);
        Assert.False(report.Intact);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(("manifest-altered", "manifests/v0001.json"), (problem.Kind, problem.File));
    }

    [Fact]
    public async Task Search_filters_by_commune_kiosk_case_kind_citizen_reference_and_dates()
    {
        var hub = _fixture.Hub;
        const string otherKiosk = "15-05111";
        var a = await ArchivedSessions.UploadSealedAsync(hub, Kiosk, startedAtMs: 1_700_000_000_000);
        var b = await ArchivedSessions.UploadSealedAsync(hub, otherKiosk, startedAtMs: 1_710_000_000_000);
        var citizen = "hmac:" + Guid.NewGuid().ToString("N");
        using (var set = await hub.Http.PutAsJsonAsync($"api/sessions/{b}/metadata", new { officials = Array.Empty<object>(), caseKind = "denunciation", citizenRef = citizen }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        async Task<List<string>> Ids(string query)
        {
            using var list = await hub.Http.GetFromJsonAsync<JsonDocument>("api/sessions?" + query);
            return [.. list!.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
        }

        Assert.Contains(a, await Ids("commune=04173"));
        Assert.DoesNotContain(b, await Ids("commune=04173"));
        Assert.Equal([b], await Ids("commune=05111"));
        Assert.Equal([b], await Ids("kiosk=" + otherKiosk));
        Assert.Equal([b], await Ids("citizenRef=" + Uri.EscapeDataString(citizen)));
        Assert.Contains(b, await Ids("caseKind=denunciation"));
        Assert.DoesNotContain(a, await Ids("caseKind=denunciation"));
        var fromTo = await Ids(string.Create(CultureInfo.InvariantCulture, $"from=2023-11-14&to=2023-11-15"));
        Assert.Contains(a, fromTo);
        Assert.DoesNotContain(b, fromTo);
        Assert.Equal(HttpStatusCode.BadRequest, (await hub.Http.GetAsync("api/sessions?caseKind=theft")).StatusCode);
    }

    private static async Task<(double Duration, string Codecs)> ProbeAsync(string path)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-v", "error", "-show_entries", "format=duration:stream=codec_name", "-of", "default=noprint_wrappers=1", path })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffprobe is missing: install Debian's ffmpeg package.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "ffprobe could not read the export: " + errors);
        var duration = output.Split('\n').First(l => l.StartsWith("duration=", StringComparison.Ordinal))["duration=".Length..];
        return (double.Parse(duration, CultureInfo.InvariantCulture), output);
    }
}
