using System.Globalization;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Encoders;
using TiepCongDan.Edge.Media.Session;
using TiepCongDan.Edge.Media.Uplink;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// A short test stream to the hub's SRT ingest, as the line test sends it: the stamped test pattern
/// at the rung a session starts on, a line-test session id (the hub measures it and records nothing),
/// the kiosk's passphrase and AES, the same <see cref="SrtUplink"/>. Passes when the uplink
/// connected, the encoder's bytes went out and SRT's statistics show the hub acknowledging them.
/// </summary>
public sealed class SrtStreamCheck(EdgeOptions options, TimeProvider time, ILoggerFactory loggers) : ISelfTestCheck
{
    public string Id => SelfTestCheckIds.SrtStream;

    /// <summary>How long the test pattern is sent once connected.</summary>
    public TimeSpan StreamFor { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>How long the first connection may take.</summary>
    public TimeSpan ConnectWithin { get; init; } = TimeSpan.FromSeconds(8);

    public TimeSpan Timeout => StreamFor + ConnectWithin + TimeSpan.FromSeconds(15);

    public (string Vietnamese, string English) Advice =>
        ("Kiểm tra mạng tới trung tâm (cổng UDP SRT, Edge:Media:Srt:Host/Port) và mật khẩu SRT của điểm cầu, rồi chạy lại tự kiểm tra.",
         "Check the network to the hub (the SRT UDP port, Edge:Media:Srt:Host/Port) and the kiosk's SRT passphrase, then rerun the self-test.");

    public async Task<SelfTestOutcome> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Media.Enabled)
        {
            return SelfTestOutcome.Skip("Điểm cầu không bật ghi hình và truyền hình (Edge:Media:Enabled=false).",
                "Media is off on this kiosk (Edge:Media:Enabled=false).");
        }

        var (adviceVi, adviceEn) = Advice;
        var id = MediaSessionId.NewLineTest(options.KioskId, time.GetUtcNow());
        var rung = MediaSettingsFactory.Ladder(options)[options.Media.StartRung];
        var capture = MediaSettingsFactory.Capture(options);
        capture.Source = CaptureSource.Simulated;
        capture.SimulatedCameraFrozen = false;
        capture.SimulatedMicrophoneSilent = false;
        var target = $"{options.SrtHost}:{options.Media.Srt.Port.ToString(CultureInfo.InvariantCulture)}";
        var samples = new List<SrtLinkSample>();
        var gate = new Lock();
        await using var uplink = new SrtUplink(MediaSettingsFactory.Uplink(options, id, null), time, loggers.CreateLogger("TiepCongDan.Edge.SelfTest.Srt"));
        uplink.Sampled += s =>
        {
            lock (gate)
            {
                samples.Add(s);
            }
        };
        uplink.Start();
        var begin = time.GetTimestamp();
        while (uplink.State is SrtUplinkState.Connecting or SrtUplinkState.Down && time.GetElapsedTime(begin) < ConnectWithin)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }

        var connectMs = time.GetElapsedTime(begin).TotalMilliseconds;
        if (uplink.State != SrtUplinkState.Connected)
        {
            var refused = uplink.State == SrtUplinkState.Refused;
            var reason = uplink.LastReason ?? uplink.State.ToString();
            return (refused
                    ? SelfTestOutcome.Fail($"Trung tâm từ chối luồng SRT ({reason}): mật khẩu SRT sai hoặc điểm cầu đã bị thu hồi.",
                        $"The hub refused the SRT stream ({reason}): wrong SRT passphrase or the kiosk is revoked.",
                        "Kiểm tra tệp mật khẩu SRT (Edge:Media:Srt:PassphraseFile) khớp với trung tâm (tcd-hub kiosk srt-passphrase), rồi chạy lại.",
                        "Check that the SRT passphrase file (Edge:Media:Srt:PassphraseFile) matches the hub's (tcd-hub kiosk srt-passphrase), then rerun.")
                    : SelfTestOutcome.Fail($"Không kết nối SRT được tới {target} trong {ConnectWithin.TotalSeconds:0} giây ({reason}).",
                        $"No SRT connection to {target} within {ConnectWithin.TotalSeconds:0} s ({reason}).", adviceVi, adviceEn))
                .With("target", target).With("state", uplink.State.ToString());
        }

        var encoder = new FfmpegSupervisor(capture, MediaSettingsFactory.Encode(options, rung), time,
            loggers.CreateLogger("TiepCongDan.Edge.SelfTest.Encoder"), uplink.Send);
        await using (encoder)
        {
            encoder.Start();
            await Task.Delay(StreamFor, time, cancellationToken);
            await encoder.StopAsync();
        }

        var drained = await uplink.DrainAsync(TimeSpan.FromSeconds(3));
        List<SrtLinkSample> seen;
        lock (gate)
        {
            seen = [.. samples.Where(s => s.Connected)];
        }

        var acknowledged = seen.Any(s => s.PeerHeard && s.PacketsSent > 0);
        var rtt = seen.Count == 0 ? double.NaN : seen.Max(s => s.RttMs);
        var loss = seen.Count == 0 ? double.NaN : seen.Max(s => s.LossPercent);
        var kbps = uplink.SentBytes * 8 / 1000.0 / Math.Max(0.001, StreamFor.TotalSeconds);
        var state = uplink.State;
        var numbers = $"{uplink.SentBytes.ToString(CultureInfo.InvariantCulture)} byte, {F(kbps)} kbit/s";
        SelfTestOutcome outcome;
        if (uplink.SentBytes == 0)
        {
            outcome = SelfTestOutcome.Fail($"Đã kết nối SRT nhưng bộ mã hoá không gửi được hình thử ({encoder.LastFailureReason}).",
                $"SRT connected but the encoder sent no test picture ({encoder.LastFailureReason}).",
                "Chạy lại tự kiểm tra; nếu vẫn lỗi, kiểm tra ffmpeg (ffmpeg -version) và báo kỹ thuật viên trung tâm.",
                "Rerun the self-test; if it fails again, check ffmpeg (ffmpeg -version) and call the hub's technician.");
        }
        else if (state != SrtUplinkState.Connected || !acknowledged)
        {
            outcome = SelfTestOutcome.Fail($"Luồng SRT bị ngắt khi đang gửi ({numbers}; {uplink.LastReason}).",
                $"The SRT stream broke while sending ({numbers}; {uplink.LastReason}).", adviceVi, adviceEn);
        }
        else
        {
            outcome = SelfTestOutcome.Pass($"Đã gửi luồng hình thử tới trung tâm qua SRT ({numbers}).",
                $"The test stream reached the hub over SRT ({numbers}).");
        }

        return outcome.With("target", target).With("sessionId", id).With("connectMs", connectMs).With("sentBytes", uplink.SentBytes)
            .With("kbps", kbps).With("rttMs", rtt).With("lossPercent", loss).With("drained", drained ? "true" : "false")
            .With("rung", rung.ToString());
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
