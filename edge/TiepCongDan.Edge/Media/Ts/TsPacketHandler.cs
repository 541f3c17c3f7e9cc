namespace TiepCongDan.Edge.Media.Ts;

/// <summary>Receives one 188-byte packet; the span is only valid during the call.</summary>
internal delegate void TsPacketHandler(ReadOnlySpan<byte> packet);
