namespace TiepCongDan.CardSim.Vpcd;

/// <summary>
/// A card behind a vpcd virtual reader (or called directly in unit tests): the vpcd control
/// messages (power on/off, reset, ATR) and command APDUs in, response APDUs (data, SW1 SW2) out.
/// Calls come from one thread at a time, as a real card's contacts do.
/// </summary>
public interface IVirtualCard
{
    byte[] Atr { get; }

    void PowerOn();

    void PowerOff();

    void Reset();

    byte[] Process(ReadOnlySpan<byte> commandApdu);
}
