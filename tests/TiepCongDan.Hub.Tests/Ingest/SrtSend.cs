using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>Sends bytes as a kiosk's uplink does: 1316-byte messages (7 TS packets), gently paced.</summary>
public static class SrtSend
{
    public static void Paced(SrtConnection connection, ReadOnlySpan<byte> bytes)
    {
        for (var offset = 0; offset < bytes.Length; offset += SrtConnection.MaxMessageBytes)
        {
            connection.Send(bytes.Slice(offset, Math.Min(SrtConnection.MaxMessageBytes, bytes.Length - offset)));
            Thread.Sleep(1);
        }
    }
}
