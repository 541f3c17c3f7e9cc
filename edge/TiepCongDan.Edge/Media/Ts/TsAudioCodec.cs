namespace TiepCongDan.Edge.Media.Ts;

/// <summary>The audio codecs a kiosk encoder may put in the stream.</summary>
internal enum TsAudioCodec
{
    None,
    Aac,
    Opus,
}
