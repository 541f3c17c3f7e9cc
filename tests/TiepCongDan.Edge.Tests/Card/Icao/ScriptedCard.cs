using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.Card.Icao;

/// <summary>A fake card: answers each expected command APDU with its scripted response, and fails the test on anything else.</summary>
internal sealed class ScriptedCard : IApduTransport
{
    private readonly Queue<(string Command, string Response)> _script = new();

    public List<string> Received { get; } = [];

    /// <summary>Expects exactly this command (hex); a null command accepts any.</summary>
    public ScriptedCard Expect(string? commandHex, string responseHex)
    {
        _script.Enqueue((commandHex ?? string.Empty, responseHex));
        return this;
    }

    public byte[] Transmit(ReadOnlySpan<byte> commandApdu)
    {
        var command = Convert.ToHexString(commandApdu);
        Received.Add(command);
        Assert.True(_script.Count > 0, $"The card got an unscripted command {command}.");
        var (expected, response) = _script.Dequeue();
        if (expected.Length > 0)
        {
            Assert.Equal(expected, command);
        }

        return Convert.FromHexString(response);
    }

    public void AssertDone() => Assert.Empty(_script);
}
