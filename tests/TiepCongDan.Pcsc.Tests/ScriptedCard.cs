using TiepCongDan.CardSim.Vpcd;

namespace TiepCongDan.Pcsc.Tests;

/// <summary>
/// A small card for transport tests: SELECT answers 9000; INS 10 answers 6105 and hands its five
/// bytes to GET RESPONSE; INS 12 wants Le = 08 (6C08 otherwise); INS 20 echoes its data.
/// </summary>
internal sealed class ScriptedCard : IVirtualCard
{
    public static readonly byte[] DelayedData = [0xDE, 0xAD, 0xBE, 0xEF, 0x01];
    public static readonly byte[] ExactData = [1, 2, 3, 4, 5, 6, 7, 8];
    private byte[]? _pending;

    public byte[] Atr { get; } = [0x3B, 0x80, 0x80, 0x01, 0x01];

    public int PowerOns { get; private set; }

    public void PowerOn() => PowerOns++;

    public void PowerOff() => _pending = null;

    public void Reset() => _pending = null;

    public byte[] Process(ReadOnlySpan<byte> commandApdu)
    {
        switch (commandApdu[1])
        {
            case 0xA4:
                return [0x90, 0x00];
            case 0x10:
                _pending = DelayedData;
                return [0x61, (byte)DelayedData.Length];
            case 0xC0 when _pending is not null:
                var data = _pending;
                _pending = null;
                return [.. data, 0x90, 0x00];
            case 0x12 when commandApdu.Length == 5 && commandApdu[4] == ExactData.Length:
                return [.. ExactData, 0x90, 0x00];
            case 0x12:
                return [0x6C, (byte)ExactData.Length];
            case 0x20 when commandApdu.Length > 5:
                return [.. commandApdu.Slice(5, commandApdu[4]), 0x90, 0x00];
            default:
                return [0x6D, 0x00];
        }
    }
}
