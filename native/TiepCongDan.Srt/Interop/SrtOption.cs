namespace TiepCongDan.Srt.Interop;

/// <summary>The SRT_SOCKOPT values we use (srt.h of libsrt 1.5).</summary>
internal enum SrtOption
{
    SendSync = 1,
    ReceiveSync = 2,
    SendTimeout = 13,
    ReceiveTimeout = 14,
    Latency = 23,
    Passphrase = 26,
    KeyLength = 27,
    ConnectTimeout = 36,
    StreamId = 46,
    TransType = 50,
    EnforcedEncryption = 53,
    PeerIdleTimeout = 55,
}
