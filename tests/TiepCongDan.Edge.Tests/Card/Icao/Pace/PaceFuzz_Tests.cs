using TiepCongDan.CardSim.Cccd.Pace;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Icao.Pace;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.Card.Icao.Pace;

/// <summary>
/// Random and mutated bytes (fixed seeds) into EF.CardAccess parsing, the GENERAL AUTHENTICATE
/// answer parsing and whole PACE runs against a card whose answers are damaged in transit: only
/// the typed exception of each layer may come out.
/// </summary>
public sealed class PaceFuzz_Tests
{
    private const int Cases = 20_000;

    [Fact]
    public void CardAccessFile_never_fails_untyped()
    {
        var samples = new[] { CardAccessSamples.Typical(), new CardPaceResponder("123456").CardAccessFile };
        var random = new Random(114);
        var parsed = 0;
        var rejected = 0;
        for (var i = 0; i < Cases; i++)
        {
            var input = Mutate(random, samples[i % samples.Length], i);
            try
            {
                foreach (var info in CardAccessFile.Parse(input))
                {
                    _ = info.IsSupported;
                    _ = info.Description;
                }

                parsed++;
            }
            catch (CardDataException)
            {
                rejected++;
            }
        }

        Assert.True(parsed > 100, $"only {parsed} inputs parsed: the mutations never reach deep");
        Assert.True(rejected > 100, $"only {rejected} inputs rejected");
    }

    [Fact]
    public void General_authenticate_answers_never_fail_untyped()
    {
        var samples = new[]
        {
            Convert.FromHexString("7C128010" + AppendixG.EncryptedNonce),
            Convert.FromHexString("7C438241" + AppendixG.MappingPublicKeyCard),
            Convert.FromHexString("7C0A8608" + AppendixG.TokenCard),
        };
        var tags = new[] { 0x80, 0x82, 0x86 };
        var random = new Random(86);
        var parsed = 0;
        var rejected = 0;
        for (var i = 0; i < Cases; i++)
        {
            var input = Mutate(random, samples[i % samples.Length], i);
            try
            {
                PaceAuthenticator.ReadDynamicAuthenticationData(input, tags[i % tags.Length]);
                parsed++;
            }
            catch (CardAccessException e)
            {
                Assert.Equal(CardAccessFailure.UnexpectedResponse, e.Reason);
                rejected++;
            }
        }

        Assert.True(parsed > 100, $"only {parsed} inputs parsed");
        Assert.True(rejected > 100, $"only {rejected} inputs rejected");
    }

    [Theory]
    [InlineData(CardPaceResponder.EcdhGmAes128, 13, 300)]
    [InlineData(CardPaceResponder.DhGmAes128, 0, 100)]
    public void Whole_runs_with_one_damaged_card_answer_end_in_a_typed_error(string oid, int parameterId, int runs)
    {
        var random = new Random(9303);
        var reasons = new Dictionary<CardAccessFailure, int>();
        for (var i = 0; i < runs; i++)
        {
            var card = new CardPaceResponder("123456", oid, parameterId);
            // The GA answers (1-4); MSE:SET AT's bare 9000 carries nothing the reader uses.
            var damagedAnswer = random.Next(1, 5);
            var transport = new ResponderTransport(card)
            {
                Tamper = (index, answer) => index == damagedAnswer ? Mutate(random, answer, i) : answer,
            };
            try
            {
                new PaceAuthenticator(transport).Authenticate(CardAccessFile.Parse(card.CardAccessFile)[0], "123456");
                Assert.Fail($"Run {i}: a damaged answer to exchange {damagedAnswer} went unnoticed.");
            }
            catch (CardAccessException e)
            {
                reasons[e.Reason] = reasons.GetValueOrDefault(e.Reason) + 1;
            }
        }

        Assert.True(reasons.Count >= 2, $"Every damaged run ended the same way: {string.Join(", ", reasons)}.");
    }

    /// <summary>Random noise, or one to three flips, insertions, deletions, truncations or length-like bytes: always different from the sample.</summary>
    private static byte[] Mutate(Random random, byte[] sample, int i)
    {
        if (i % 11 == 0)
        {
            var noise = new byte[random.Next(0, 80)];
            random.NextBytes(noise);
            return noise;
        }

        var bytes = sample.ToList();
        var edits = 1 + random.Next(3);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] ^= (byte)random.Next(1, 256);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes[at] = new byte[] { 0x00, 0x01, 0x7F, 0x80, 0x81, 0x82, 0x84, 0x85, 0xFF }[random.Next(9)];
                    break;
            }
        }

        if (bytes.SequenceEqual(sample))
        {
            // A length byte swapped for itself changed nothing; the whole-run test needs real damage.
            bytes[random.Next(bytes.Count)] ^= 0x01;
        }

        return [.. bytes];
    }
}
