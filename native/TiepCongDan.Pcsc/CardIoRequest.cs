namespace TiepCongDan.Pcsc;

/// <summary>One raw exchange handed to a card's I/O thread, and its outcome.</summary>
internal sealed class CardIoRequest(byte[] command) : IDisposable
{
    public byte[] Command { get; } = command;

    public byte[]? Response { get; set; }

    public PcscException? Error { get; set; }

    public ManualResetEventSlim Done { get; } = new(false);

    public void Dispose() => Done.Dispose();
}
