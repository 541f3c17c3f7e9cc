using TiepCongDan.CardSim.Cccd;

namespace TiepCongDan.Edge.Tests.CardSim;

public sealed class VirtualCccdCard_Fuzz_Tests
{
    [Fact]
    public void Random_and_mutated_APDUs_always_get_a_status_word_and_never_open_the_card()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { IncludeDg2 = false });
        var reader = CardReader.Open(card, CccdPerson.Tuyet);
        byte[][] seeds =
        [
            [0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01],
            [0x00, 0xB0, 0x81, 0x00, 0x20],
            [0x00, 0x84, 0x00, 0x00, 0x08],
            [0x00, 0x88, 0x00, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 7, 8, 0x00],
            reader.Session.Wrap([0x00, 0xB0, 0x8D, 0x00, 0x10]),
            [0x00, 0x82, 0x00, 0x00, 0x28, .. new byte[40], 0x28],
        ];
        var random = new Random(1234);

        for (var i = 0; i < 20_000; i++)
        {
            byte[] apdu;
            if (i % 2 == 0)
            {
                apdu = seeds[random.Next(seeds.Length)].ToArray();
                for (var m = random.Next(1, 4); m > 0; m--)
                {
                    apdu[random.Next(apdu.Length)] = (byte)random.Next(256);
                }
            }
            else
            {
                apdu = new byte[random.Next(0, 300)];
                random.NextBytes(apdu);
            }

            var response = card.Process(apdu);

            Assert.True(response.Length >= 2, $"No status word for {Convert.ToHexString(apdu)}");
        }

        Assert.False(card.Log.AnyProtectedFileReadWithoutAccessControl);
    }
}
