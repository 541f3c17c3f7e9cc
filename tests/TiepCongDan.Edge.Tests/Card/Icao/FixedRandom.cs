using System.Security.Cryptography;

namespace TiepCongDan.Edge.Tests.Card.Icao;

/// <summary>Hands out the given bytes in order, so a test can replay the RND.IFD and K.IFD of a worked example.</summary>
internal sealed class FixedRandom(byte[] bytes) : RandomNumberGenerator
{
    private int _next;

    public override void GetBytes(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Assert.True(_next + data.Length <= bytes.Length, "The test's fixed random bytes ran out.");
        bytes.AsSpan(_next, data.Length).CopyTo(data);
        _next += data.Length;
    }
}
