using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.Card.Icao;

/// <summary>Whatever a card or a man in the middle sends, unwrapping ends in a typed refusal, never a crash.</summary>
public sealed class SecureMessagingFuzz_Tests
{
    private const int Cases = 5000;

    private static SecureMessaging AppendixDSession() => new(new ScriptedCard(), new SecureMessagingKeys(
        Convert.FromHexString(AppendixD.KsEnc),
        Convert.FromHexString(AppendixD.KsMac),
        Convert.FromHexString(AppendixD.Ssc)));

    [Fact]
    public void Random_responses_are_refused_with_a_typed_error()
    {
        var random = new Random(9303);
        for (var i = 0; i < Cases; i++)
        {
            var response = new byte[random.Next(0, 64)];
            random.NextBytes(response);
            if (i % 3 == 0 && response.Length > 2)
            {
                // Start with a plausible tag so the parser goes deeper than the first byte.
                response[0] = (byte)(i % 2 == 0 ? 0x87 : 0x99);
            }

            var sm = AppendixDSession();
            sm.Wrap(Convert.FromHexString(AppendixD.ReadBinary4));
            Assert.Throws<CardAccessException>(() => sm.Unwrap(response));
        }
    }

    [Fact]
    public void Every_single_byte_change_to_the_Appendix_D_read_response_is_refused()
    {
        var original = Convert.FromHexString(AppendixD.ProtectedReadBinaryResponse);
        var random = new Random(11);
        var checkedCases = 0;
        for (var position = 0; position < original.Length - 2; position++)
        {
            for (var trial = 0; trial < 60; trial++)
            {
                var mutated = original.ToArray();
                mutated[position] ^= (byte)random.Next(1, 256);
                var sm = AtReadBinary();
                Assert.Throws<CardAccessException>(() => sm.Unwrap(mutated));
                checkedCases++;
            }
        }

        var intact = AtReadBinary();
        Assert.Equal(AppendixD.ReadBinaryPlain + "9000", Convert.ToHexString(intact.Unwrap(original)));
        Assert.True(checkedCases > 1000);
    }

    [Fact]
    public void Truncations_of_the_Appendix_D_read_response_are_refused()
    {
        var original = Convert.FromHexString(AppendixD.ProtectedReadBinaryResponse);
        for (var length = 0; length < original.Length - 2; length++)
        {
            byte[] truncated = [.. original.AsSpan(0, length), 0x90, 0x00];
            var sm = AtReadBinary();
            Assert.Throws<CardAccessException>(() => sm.Unwrap(truncated));
        }
    }

    /// <summary>A session whose counter stands where Appendix D's READ BINARY response is checked.</summary>
    private static SecureMessaging AtReadBinary()
    {
        var sm = AppendixDSession();
        sm.Wrap(Convert.FromHexString(AppendixD.SelectEfCom));
        sm.Unwrap(Convert.FromHexString(AppendixD.ProtectedSelectResponse));
        sm.Wrap(Convert.FromHexString(AppendixD.ReadBinary4));
        return sm;
    }
}
