using TiepCongDan.CardSim.Cccd;

namespace TiepCongDan.Edge.Tests.CardSim;

/// <summary>
/// Stands in for the real PACE responder: accepts MSE:SET AT, and the first GENERAL AUTHENTICATE
/// "establishes" fixed keys, so the card's switch to secure messaging can be tested without PACE's mathematics.
/// </summary>
internal sealed class StubPaceResponder(CardSessionKeys keys) : IPaceResponder
{
    public byte[] CardAccessFile { get; } = [0x31, 0x00];

    public CardSessionKeys? Established { get; private set; }

    public int ResetCount { get; private set; }

    public byte[]? TryProcess(ReadOnlySpan<byte> command)
    {
        switch (command[1])
        {
            case 0x22:
                return [0x90, 0x00];
            case 0x86:
                Established = new CardSessionKeys(keys.EncryptionKey, keys.MacKey, keys.SendSequenceCounter, keys.Aes);
                return [0x7C, 0x00, 0x90, 0x00];
            default:
                return null;
        }
    }

    public void Reset()
    {
        ResetCount++;
        Established = null;
    }
}
