namespace TiepCongDan.Pcsc;

/// <summary>SCARD_*_CARD: what the reader does with the card when the connection ends.</summary>
public enum PcscDisposition
{
    LeaveCard = 0,
    ResetCard = 1,
    UnpowerCard = 2,
    EjectCard = 3,
}
