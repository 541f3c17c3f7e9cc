using System.Globalization;
using TiepCongDan.Contracts.SelfTest;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// RTT and throughput to the hub over HTTP(S), kiosk-authenticated: five pings (median and worst
/// round trip), then 1 MiB up and 1 MiB down. A session needs about 1.5 Mbit/s up at its usual
/// rung: less is a warning, no answer a failure. Keeps the hub's clock offset for <see cref="ClockCheck"/>.
/// </summary>
public sealed class HubLinkCheck(SelfTestHubClient hub, TimeProvider time) : ISelfTestCheck
{
    public const int TransferBytes = 1024 * 1024;
    public const double MinUploadMbps = 1.5;
    public const double MaxRttMs = 300;
    private const int Pings = 5;

    public string Id => SelfTestCheckIds.HubLink;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public (string Vietnamese, string English) Advice =>
        ("Kiểm tra cáp mạng hoặc 4G của điểm cầu và địa chỉ trung tâm (Edge:Media:Upload:HubUrl), rồi chạy lại tự kiểm tra.",
         "Check the kiosk's network cable or 4G and the hub's address (Edge:Media:Upload:HubUrl), then rerun the self-test.");

    /// <summary>The hub's clock minus ours (median of the pings), once the check has run; null when unknown.</summary>
    public long? ClockOffsetMs { get; private set; }

    public async Task<SelfTestOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var (adviceVi, adviceEn) = Advice;
        var pings = new List<HubPing>();
        try
        {
            for (var i = 0; i < Pings; i++)
            {
                pings.Add(await hub.PingAsync(time, cancellationToken));
            }
        }
        catch (HttpRequestException ex)
        {
            return SelfTestOutcome.Fail($"Không kết nối được tới trung tâm {hub.BaseAddress} ({ex.Message}).",
                $"The hub at {hub.BaseAddress} cannot be reached ({ex.Message}).", adviceVi, adviceEn).With("hub", hub.BaseAddress.ToString());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SelfTestOutcome.Fail($"Trung tâm {hub.BaseAddress} không trả lời trong 20 giây.",
                $"The hub at {hub.BaseAddress} did not answer within 20 s.", adviceVi, adviceEn).With("hub", hub.BaseAddress.ToString());
        }

        var rtts = pings.Select(p => p.RoundTrip.TotalMilliseconds).Order().ToList();
        var offsets = pings.Where(p => p.ClockOffsetMs is not null).Select(p => p.ClockOffsetMs!.Value).Order().ToList();
        ClockOffsetMs = offsets.Count == 0 ? null : offsets[offsets.Count / 2];
        var median = rtts[rtts.Count / 2];
        double up;
        double down;
        try
        {
            up = Mbps(await hub.UploadAsync(TransferBytes, time, cancellationToken));
            down = Mbps(await hub.DownloadAsync(TransferBytes, time, cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SelfTestOutcome.Fail($"Trung tâm trả lời (trễ {F(median)} ms) nhưng không truyền được 1 MiB ({ex.Message}).",
                    $"The hub answers ({F(median)} ms) but 1 MiB could not be transferred ({ex.Message}).", adviceVi, adviceEn)
                .With("hub", hub.BaseAddress.ToString()).With("rttMs", median);
        }

        var numbers = $"trễ khứ hồi {F(median)} ms, tải lên {F(up)} Mbit/s, tải xuống {F(down)} Mbit/s";
        var numbersEn = $"round trip {F(median)} ms, upload {F(up)} Mbit/s, download {F(down)} Mbit/s";
        var outcome = up < MinUploadMbps || median > MaxRttMs
            ? SelfTestOutcome.Warn($"Kết nối tới trung tâm chậm ({numbers}): hình có thể giật.", $"The link to the hub is slow ({numbersEn}): the picture may stutter.",
                "Kiểm tra đường mạng (cáp, sóng 4G); nếu dùng 4G, đặt ăng-ten chỗ sóng tốt hơn rồi chạy lại tự kiểm tra.",
                "Check the network (cable, 4G signal); with 4G, move the antenna to a better spot, then rerun the self-test.")
            : SelfTestOutcome.Pass($"Kết nối tới trung tâm tốt ({numbers}).", $"The link to the hub is good ({numbersEn}).");
        return outcome.With("hub", hub.BaseAddress.ToString()).With("rttMs", median).With("rttMaxMs", rtts[^1])
            .With("uploadMbps", up).With("downloadMbps", down);
    }

    private static double Mbps(TimeSpan elapsed) => TransferBytes * 8 / 1e6 / Math.Max(0.001, elapsed.TotalSeconds);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
