using System.Text;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.Card.Parsing;

/// <summary>
/// Random and mutated inputs (fixed seeds) into every card parser: each case either parses or throws
/// <see cref="CardDataException"/>; anything else fails, and the loop must end well within a generous bound.
/// </summary>
public sealed class CardParsers_Fuzz_Tests
{
    private const int Cases = 20_000;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(50);

    private static readonly byte[] LengthBytes = [0x00, 0x01, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x88, 0xFF];

    [Fact]
    public void BerTlv_never_fails_untyped()
    {
        var samples = new[] { CardSamples.Dg13(), Convert.FromHexString("60185F0104303130375F36063034303030305C0661756D6E6F77") };
        var (parsed, rejected) = Run(1, rng => Mutate(rng, samples), bytes => BerTlv.ParseAll(bytes));
        Assert.True(parsed > 100, $"only {parsed} inputs parsed: the mutations never reach deep");
        Assert.True(rejected > 100, $"only {rejected} inputs rejected");
    }

    [Fact]
    public void Dg13_never_fails_untyped()
    {
        var samples = new[] { CardSamples.Dg13(), CardSamples.Dg13(includeUnknown: false, nameType: System.Formats.Asn1.UniversalTagNumber.PrintableString) };
        var (parsed, rejected) = Run(2, rng => Mutate(rng, samples), bytes => Dg13.Parse(bytes));
        Assert.True(parsed > 100, $"only {parsed} inputs parsed: the mutations never reach deep");
        Assert.True(rejected > 100, $"only {rejected} inputs rejected");
    }

    [Fact]
    public void Td1Mrz_never_fails_untyped()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<\n";
        var sample = CardSamples.Td1();
        var (parsed, rejected) = Run(3, rng => MutateText(rng, sample, alphabet), text => Td1Mrz.Parse(text, CardSamples.Today));
        Assert.True(parsed > 100, $"only {parsed} inputs parsed");
        Assert.True(rejected > 100, $"only {rejected} inputs rejected");
    }

    [Fact]
    public void CccdQr_never_fails_untyped()
    {
        const string alphabet = "0123456789|||  ăâđêôơưễịồủ\r\n\0\uFEFF/-";
        var (parsed, rejected) = Run(4, rng => MutateText(rng, CardSamples.Qr, alphabet), text => CccdQr.Parse(text));
        Assert.True(parsed > 100, $"only {parsed} inputs parsed");
        Assert.True(rejected > 100, $"only {rejected} inputs rejected");
    }

    [Fact]
    public void Expiry_candidates_never_fail_untyped()
    {
        var (parsed, _) = Run(
            5,
            rng => (DateOnly.FromDayNumber(rng.Next(DateOnly.MaxValue.DayNumber)), DateOnly.FromDayNumber(rng.Next(DateOnly.MaxValue.DayNumber))),
            d => CccdQr.ExpiryCandidatesFor(d.Item1, d.Item2));
        Assert.True(parsed > 100);
    }

    private static (int Parsed, int Rejected) Run<T>(int seed, Func<Random, T> generate, Action<T> parse)
    {
        var parsed = 0;
        var rejected = 0;
        var work = Task.Run(() =>
        {
            var rng = new Random(seed);
            for (var i = 0; i < Cases; i++)
            {
                var input = generate(rng);
                try
                {
                    parse(input);
                    parsed++;
                }
                catch (CardDataException)
                {
                    rejected++;
                }
                catch (Exception e)
                {
                    throw new InvalidOperationException($"case {i} (seed {seed}) threw {e.GetType().Name} instead of CardDataException: {Describe(input)}", e);
                }
            }
        });

        Assert.True(work.Wait(Bound), $"the fuzz loop did not finish within {Bound.TotalSeconds} s: a parser hangs");
        return (parsed, rejected);
    }

    private static string Describe<T>(T input) => input switch
    {
        byte[] b => Convert.ToHexString(b),
        string s => s,
        _ => input?.ToString() ?? "null",
    };

    private static byte[] Mutate(Random rng, byte[][] samples)
    {
        if (rng.Next(10) == 0)
        {
            var random = new byte[rng.Next(0, 64)];
            rng.NextBytes(random);
            if (random.Length > 0 && rng.Next(2) == 0)
            {
                random[0] = 0x6D;
            }

            return random;
        }

        var data = (byte[])samples[rng.Next(samples.Length)].Clone();
        var mutations = 1 + rng.Next(3);
        for (var m = 0; m < mutations && data.Length > 0; m++)
        {
            switch (rng.Next(5))
            {
                case 0:
                    data[rng.Next(data.Length)] ^= (byte)(1 << rng.Next(8));
                    break;
                case 1:
                    data = data[..rng.Next(data.Length)];
                    break;
                case 2:
                    data[rng.Next(data.Length)] = LengthBytes[rng.Next(LengthBytes.Length)];
                    break;
                case 3:
                    data[rng.Next(data.Length)] = (byte)rng.Next(256);
                    break;
                default:
                    var at = rng.Next(data.Length);
                    data = [.. data[..at], (byte)rng.Next(256), .. data[at..]];
                    break;
            }
        }

        return data;
    }

    private static string MutateText(Random rng, string sample, string alphabet)
    {
        if (rng.Next(10) == 0)
        {
            var random = new StringBuilder();
            var length = rng.Next(0, 120);
            for (var i = 0; i < length; i++)
            {
                random.Append(rng.Next(3) == 0 ? (char)rng.Next(0x20, 0x2000) : alphabet[rng.Next(alphabet.Length)]);
            }

            return random.ToString();
        }

        var text = new StringBuilder(sample);
        var mutations = 1 + rng.Next(3);
        for (var m = 0; m < mutations && text.Length > 0; m++)
        {
            var at = rng.Next(text.Length);
            switch (rng.Next(5))
            {
                case 0:
                    text[at] = alphabet[rng.Next(alphabet.Length)];
                    break;
                case 1:
                    text.Length = at;
                    break;
                case 2:
                    text.Remove(at, 1);
                    break;
                case 3:
                    text.Insert(at, alphabet[rng.Next(alphabet.Length)]);
                    break;
                default:
                    text[at] = (char)rng.Next(0x20, 0xFFFF);
                    break;
            }
        }

        return text.ToString();
    }
}
