namespace TiepCongDan.Edge.Card.Identity;

/// <summary>How the chip was opened: PACE (with the CAN) or BAC (with the MRZ or the QR's fields).</summary>
public enum AccessProtocol
{
    Pace,
    Bac,
}
