using System.Globalization;

namespace TiepCongDan.Hub.LineTest;

/// <summary>The line test's verdict in words an operator acts on (Vietnamese), from the measured numbers.</summary>
public static class LineTestVerdict
{
    public const string Good = "good";
    public const string Fair = "fair";
    public const string Poor = "poor";
    public const string NoSignal = "no-signal";

    public static (string Level, string Text) Judge(long framesSent, long framesReceived, double? lossPercent, double? rttMs, double bitrateKbps)
    {
        if (framesReceived == 0)
        {
            return (NoSignal, "Không nhận được hình từ điểm cầu: kiểm tra kết nối mạng và camera của điểm cầu rồi thử lại.");
        }

        var ratio = framesSent > 0 ? (double)framesReceived / framesSent : 0;
        var loss = lossPercent ?? 0;
        var rtt = rttMs ?? 0;
        var numbers = string.Create(CultureInfo.InvariantCulture,
            $"nhận {framesReceived}/{framesSent} khung hình, {bitrateKbps:F0} kbit/s, mất gói {loss:F1} %, trễ khứ hồi {rtt:F0} ms");
        if (ratio >= 0.98 && loss < 2 && rtt < 300)
        {
            return (Good, $"Tốt: đường truyền đủ cho phiên tiếp công dân ({numbers}).");
        }

        if (ratio >= 0.9 && loss < 8 && rtt < 800)
        {
            return (Fair, $"Tạm được: hình có thể giật; điểm cầu sẽ tự giảm chất lượng khi cần ({numbers}).");
        }

        return (Poor, $"Kém: đường truyền không đủ cho hình ảnh ổn định; nên kiểm tra mạng 4G/cáp trước khi tiếp công dân ({numbers}).");
    }
}
