namespace TiepCongDan.Edge.Card.Reading;

/// <summary>Which input the access key came from; it decides what a refused key asks the staff to check.</summary>
public enum CardAccessKeySource
{
    /// <summary>The TD1 MRZ on the back: BAC.</summary>
    Mrz,

    /// <summary>The QR on the front: PACE with the CAN, else BAC with the derived expiry candidates.</summary>
    Qr,

    /// <summary>The CAN (last 6 digits of the ID) typed in: PACE only.</summary>
    Can,
}
