namespace TiepCongDan.Pcsc;

/// <summary>SCARD_SHARE_*: how the card is shared with other programs while connected.</summary>
public enum PcscShareMode
{
    Exclusive = 1,
    Shared = 2,
    Direct = 3,
}
