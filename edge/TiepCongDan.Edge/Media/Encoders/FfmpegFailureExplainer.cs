namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>Turns ffmpeg's last stderr lines into a Vietnamese sentence a technician can act on.</summary>
public static class FfmpegFailureExplainer
{
    public static string Explain(IReadOnlyList<string> lastLines, int exitCode, string cameraPath, string microphoneDevice)
    {
        ArgumentNullException.ThrowIfNull(lastLines);
        bool Has(string text) => lastLines.Any(l => l.Contains(text, StringComparison.OrdinalIgnoreCase));
        bool HasWith(string text, string path) => path.Length > 0 && lastLines.Any(l => l.Contains(text, StringComparison.OrdinalIgnoreCase) && l.Contains(path, StringComparison.Ordinal));

        if (HasWith("No such file or directory", cameraPath) || HasWith("No such device", cameraPath))
        {
            return $"Không tìm thấy camera {cameraPath} (camera not found): kiểm tra dây USB của camera.";
        }

        if (HasWith("Device or resource busy", cameraPath))
        {
            return $"Camera {cameraPath} đang bị chương trình khác sử dụng (device busy).";
        }

        if (Has("cannot open audio device") || HasWith("No such file or directory", microphoneDevice))
        {
            return $"Không mở được micro {microphoneDevice} (cannot open audio device): kiểm tra dây USB của micro.";
        }

        if (Has("Unknown encoder") || Has("Encoder not found"))
        {
            return "ffmpeg trên máy không có bộ mã hoá H.264 được cấu hình (cài gói ffmpeg của Debian).";
        }

        if (Has("Could not find a valid device"))
        {
            return "Không tìm thấy bộ mã hoá phần cứng H.264 (/dev/video11): đặt Encoder = Libx264 hoặc kiểm tra firmware Pi.";
        }

        if (Has("Could not find codec parameters") || Has("Input/output error"))
        {
            return $"Camera {cameraPath} không gửi hình (lỗi vào/ra): rút ra cắm lại camera.";
        }

        var last = lastLines.LastOrDefault(l => l.Contains("[error]", StringComparison.Ordinal) || l.Contains("[fatal]", StringComparison.Ordinal))
            ?? lastLines.LastOrDefault(l => !l.Contains('=', StringComparison.Ordinal))
            ?? string.Empty;
        return $"ffmpeg dừng với mã thoát {exitCode}: {last.Trim()}";
    }
}
