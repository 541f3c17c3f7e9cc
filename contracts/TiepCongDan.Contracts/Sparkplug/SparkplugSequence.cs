namespace TiepCongDan.Contracts.Sparkplug;

/// <summary>The 0..255 wrapping <c>seq</c> counter of Sparkplug B messages.</summary>
public static class SparkplugSequence
{
    public const int Modulus = 256;

    public static ulong Next(ulong current) => (current + 1) % Modulus;

    /// <summary>True when <paramref name="received"/> is the message expected after <paramref name="previous"/>.</summary>
    public static bool Follows(ulong previous, ulong received) => Next(previous) == received;
}
