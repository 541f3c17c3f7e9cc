namespace TiepCongDan.Edge.Media.Uplink;

/// <summary>Up to seven TS packets in a pooled buffer, waiting for the link.</summary>
internal readonly record struct TsMessage(byte[] Buffer, int Length)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);
}
