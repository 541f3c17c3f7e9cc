using TiepCongDan.Srt;

namespace TiepCongDan.Edge.Media.Uplink;

/// <summary>The sentences the operator sees about the live link (Vietnamese), chosen from SRT's reason.</summary>
internal static class SrtUplinkReasons
{
    public static bool IsRefusal(SrtConnectException e) =>
        e.Reason is SrtRejectReason.BadSecret or SrtRejectReason.Unsecure or SrtRejectReason.PeerRejected;

    public static string ForConnectFailure(SrtConnectException e, string target) => e.Reason switch
    {
        SrtRejectReason.BadSecret => "Trung tâm từ chối luồng: sai mật khẩu SRT",
        SrtRejectReason.Unsecure => "Trung tâm từ chối luồng: cấu hình mã hóa SRT hai bên không khớp",
        SrtRejectReason.PeerRejected => e.UserCode switch
        {
            1401 => "Trung tâm từ chối luồng: ki-ốt chưa được xác thực (mã 1401)",
            1403 => "Trung tâm từ chối luồng: ki-ốt không được phép gửi luồng này (mã 1403)",
            { } code => $"Trung tâm từ chối luồng (mã {code})",
            null => "Trung tâm từ chối luồng",
        },
        SrtRejectReason.Timeout => $"Không kết nối được trung tâm {target}: hết thời gian chờ",
        SrtRejectReason.System => $"Không kết nối được trung tâm {target}: lỗi mạng, tên máy chủ hoặc thư viện SRT",
        _ => $"Không kết nối được trung tâm {target}: lỗi kết nối SRT ({e.Reason})",
    };

    public static string ForLostConnection(string target) => $"Mất kết nối tới trung tâm {target}, đang kết nối lại";

    public static string Connected(string target) => $"Đang gửi trực tiếp tới trung tâm {target}";
}
