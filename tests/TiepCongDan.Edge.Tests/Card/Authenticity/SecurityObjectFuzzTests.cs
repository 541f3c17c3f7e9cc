using TiepCongDan.Edge.Card.Authenticity;

namespace TiepCongDan.Edge.Tests.Card.Authenticity;

/// <summary>Random and mutated EF.SOD bytes: always a typed error or a result, never another exception or a hang.</summary>
public sealed class SecurityObjectFuzzTests
{
    private static readonly DateTimeOffset ReadAt = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Random_bytes_give_a_typed_error()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            if (bytes.Length > 2 && i % 2 == 0)
            {
                // Half start like EF.SOD so the fuzzing reaches past the first tag.
                bytes[0] = 0x77;
                bytes[1] = (byte)(bytes.Length - 2 < 0x80 ? bytes.Length - 2 : 0x82);
            }

            Assert.Throws<SecurityObjectException>(() => SecurityObject.Parse(bytes));
        }
    }

    [Theory]
    [InlineData(TestKeyKind.EcdsaP256)]
    [InlineData(TestKeyKind.Rsa2048Pkcs1)]
    public void Mutated_security_objects_give_a_typed_error_or_a_reasoned_result(TestKeyKind kind)
    {
        using var pki = TestPki.Create(kind);
        var groups = SampleDataGroups.Create();
        var genuine = SodBuilder.Build(pki, groups);
        using var store = new CscaTrustStore([pki.Csca]);
        var authenticator = new PassiveAuthenticator(store, TimeProvider.System);
        var random = new Random(kind == TestKeyKind.EcdsaP256 ? 9303 : 11);
        int rejected = 0, parsed = 0;

        for (var i = 0; i < 1500; i++)
        {
            var mutated = Mutate(genuine, random);
            SecurityObject sod;
            try
            {
                sod = SecurityObject.Parse(mutated);
            }
            catch (SecurityObjectException)
            {
                rejected++;
                continue;
            }

            parsed++;
            var result = authenticator.Authenticate(sod, groups, ReadAt);
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        }

        // Both paths must really have been exercised.
        Assert.True(rejected > 100, $"only {rejected} mutations were rejected");
        Assert.True(parsed > 10, $"only {parsed} mutations parsed");
    }

    [Fact]
    public void Every_truncation_gives_a_typed_error()
    {
        using var pki = TestPki.Create(TestKeyKind.EcdsaP256);
        var genuine = SodBuilder.Build(pki, SampleDataGroups.Create());

        for (var length = 0; length < genuine.Length; length++)
        {
            Assert.Throws<SecurityObjectException>(() => SecurityObject.Parse(genuine.AsSpan(0, length)));
        }
    }

    private static byte[] Mutate(byte[] genuine, Random random)
    {
        var bytes = (byte[])genuine.Clone();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(bytes.Length);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes = bytes[..at];
                    break;
                default:
                    bytes = [.. bytes[..at], (byte)random.Next(256), .. bytes[at..]];
                    break;
            }

            if (bytes.Length == 0)
            {
                break;
            }
        }

        return bytes;
    }
}
