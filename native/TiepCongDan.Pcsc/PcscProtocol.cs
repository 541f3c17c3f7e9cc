namespace TiepCongDan.Pcsc;

/// <summary>SCARD_PROTOCOL_*: the transmission protocol the reader and card agreed on.</summary>
[Flags]
public enum PcscProtocol
{
    Undefined = 0,
    T0 = 1,
    T1 = 2,
    Raw = 4,
}
