using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using TiepCongDan.Contracts.Media;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks.Hub;

/// <summary>
/// Archive write throughput as a kiosk fills it: K whole segments uploaded through the hub's
/// upload API (PUT the session, then one PATCH per segment from offset 0), which the hub writes,
/// fsyncs and renames into the archive before answering 201. Sequential or P at a time.
/// </summary>
public static class ArchiveWriteBenchmark
{
    public static async Task<ArchiveWriteResult> RunAsync(HubProcess hub, string kioskId, int segments, int segmentBytes, int parallel, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{kioskId}:{hub.Secret.PasswordFor(kioskId)}")));
        var session = MediaSessionId.New(kioskId, TimeProvider.System.GetUtcNow());
        using (var declared = await http.PutAsJsonAsync(SegmentUploadProtocol.Session(session),
                   new SessionDeclaration(kioskId, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), null, null), ct))
        {
            if (!declared.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"PUT session answered {(int)declared.StatusCode}: {await declared.Content.ReadAsStringAsync(ct)}");
            }
        }

        // Contents and hashes are made before the clock starts: only the hub's work is timed.
        var bodies = new byte[segments][];
        var hashes = new string[segments];
        var template = RandomNumberGenerator.GetBytes(segmentBytes);
        for (var i = 0; i < segments; i++)
        {
            bodies[i] = (byte[])template.Clone();
            BitConverter.TryWriteBytes(bodies[i].AsSpan(0, 4), i);
            hashes[i] = Convert.ToHexStringLower(SHA256.HashData(bodies[i]));
        }

        var times = new double[segments];
        var next = -1;
        var cpu0 = ProcessStats.Read(hub.Process!.Pid);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < segments)
            {
                var started = Stopwatch.GetTimestamp();
                await PatchAsync(http, session, i, bodies[i], hashes[i], ct);
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }, ct)).ToList();
        await Task.WhenAll(workers);
        var wall = clock.Elapsed;
        var cpu1 = ProcessStats.Read(hub.Process!.Pid);
        return new ArchiveWriteResult(parallel, segments, segmentBytes, wall.TotalSeconds, times, ProcessStats.CpuPercent(cpu0, cpu1, wall));
    }

    private static async Task PatchAsync(HttpClient http, string session, int sequence, byte[] body, string sha256, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(SegmentUploadProtocol.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Patch, SegmentUploadProtocol.Segment(session, sequence)) { Content = content };
        request.Headers.Add(SegmentUploadProtocol.UploadOffsetHeader, "0");
        request.Headers.Add(SegmentUploadProtocol.UploadLengthHeader, body.Length.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SegmentUploadProtocol.Sha256Header, sha256);
        request.Headers.Add(SegmentUploadProtocol.StartPtsHeader, (sequence * 360_000L).ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SegmentUploadProtocol.DurationMsHeader, "4000");
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"PATCH segment {sequence} answered {(int)response.StatusCode} instead of 201: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}
