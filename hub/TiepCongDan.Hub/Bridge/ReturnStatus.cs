namespace TiepCongDan.Hub.Bridge;

/// <summary>An official publishing into a session, as the API shows it.</summary>
public sealed record ReturnStatus(string PointId, long BytesReceived, double Kbps);
