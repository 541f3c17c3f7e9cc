namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// The card side of PACE (ICAO 9303-11 §4.4), plugged into the virtual CCCD card: it answers
/// MSE:SET AT and the chained GENERAL AUTHENTICATE steps and, after the last one succeeds,
/// hands the card its secure messaging keys.
/// </summary>
public interface IPaceResponder
{
    /// <summary>EF.CardAccess (FID 011C) announcing this card's PACE parameters.</summary>
    byte[] CardAccessFile { get; }

    /// <summary>Keys of the session the last successful PACE run established; null before that or after <see cref="Reset"/>.</summary>
    CardSessionKeys? Established { get; }

    /// <summary>Answers a PACE command (MSE:SET AT 00 22 C1 A4, GENERAL AUTHENTICATE x0 86 00 00); null when the command is not one.</summary>
    byte[]? TryProcess(ReadOnlySpan<byte> command);

    /// <summary>Forgets any run in progress and any established session (card reset or power off).</summary>
    void Reset();
}
