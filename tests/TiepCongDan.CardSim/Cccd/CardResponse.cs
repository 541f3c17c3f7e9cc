namespace TiepCongDan.CardSim.Cccd;

/// <summary>What the card answers to one plain command, before secure messaging wraps it.</summary>
internal readonly record struct CardResponse(byte[] Data, ushort Status)
{
    public static CardResponse Of(ushort status) => new([], status);

    public static CardResponse Ok(byte[] data) => new(data, CardStatus.Success);

    public byte[] ToApdu() => [.. Data, (byte)(Status >> 8), (byte)Status];
}
