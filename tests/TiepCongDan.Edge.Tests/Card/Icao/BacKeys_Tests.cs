using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.Card.Icao;

public sealed class BacKeys_Tests
{
    [Fact]
    public void Appendix_D_MRZ_information_gives_its_Kseed_Kenc_and_Kmac()
    {
        var keys = BacKeys.FromMrzInformation(AppendixD.MrzInformation);

        Assert.Equal(AppendixD.KeySeed, Convert.ToHexString(keys.KeySeed.Span));
        Assert.Equal(AppendixD.Kenc, Convert.ToHexString(keys.EncryptionKey.Span));
        Assert.Equal(AppendixD.Kmac, Convert.ToHexString(keys.MacKey.Span));
    }

    [Fact]
    public void MRZ_fields_without_check_digits_give_the_same_keys_as_the_Appendix_D_information()
    {
        var keys = BacKeys.FromMrzFields(AppendixD.DocumentNumber, AppendixD.DateOfBirth, AppendixD.DateOfExpiry);

        Assert.Equal(AppendixD.KeySeed, Convert.ToHexString(keys.KeySeed.Span));
        Assert.Equal(AppendixD.Kenc, Convert.ToHexString(keys.EncryptionKey.Span));
    }

    [Theory]
    [InlineData("L898902C<", '3')]
    [InlineData("690806", '1')]
    [InlineData("940623", '6')]
    [InlineData("099012345", '9')]
    [InlineData("850215", '3')]
    public void Check_digit_uses_the_7_3_1_weights(string field, char expected)
    {
        Assert.Equal(expected, MrzCheckDigit.Compute(field));
    }

    [Fact]
    public void Check_digit_refuses_characters_an_MRZ_cannot_hold()
    {
        Assert.Throws<CardDataException>(() => MrzCheckDigit.Compute("12a"));
    }

    [Fact]
    public void CCCD_key_uses_the_last_9_digits_of_the_12_digit_ID_with_its_check_digit()
    {
        // A made-up person: ID 001099012345, born 15/02/1985, card valid to 15/02/2030.
        var keys = BacKeys.FromCccd("001099012345", "850215", "300215");

        var expected = BacKeys.FromMrzInformation("0990123459" + "8502153" + "3002153");
        Assert.Equal(Convert.ToHexString(expected.KeySeed.Span), Convert.ToHexString(keys.KeySeed.Span));
        Assert.Equal(Convert.ToHexString(expected.EncryptionKey.Span), Convert.ToHexString(keys.EncryptionKey.Span));
        Assert.Equal(Convert.ToHexString(expected.MacKey.Span), Convert.ToHexString(keys.MacKey.Span));
    }

    [Theory]
    [InlineData("00109901234")]
    [InlineData("0010990123456")]
    [InlineData("00109901234X")]
    public void CCCD_key_refuses_an_ID_that_is_not_12_digits(string id)
    {
        Assert.Throws<FormatException>(() => BacKeys.FromCccd(id, "850215", "300215"));
    }

    [Fact]
    public void A_document_number_longer_than_9_characters_is_refused_rather_than_given_a_guessed_key()
    {
        Assert.Throws<FormatException>(() => BacKeys.FromMrzFields("L898902C1234", "690806", "940623"));
    }

    [Fact]
    public void Dates_must_be_YYMMDD()
    {
        Assert.Throws<FormatException>(() => BacKeys.FromMrzFields("L898902C", "1969-08-06", "940623"));
    }

    [Fact]
    public void Parity_adjustment_gives_every_key_byte_odd_parity()
    {
        byte[] key = [0x00, 0x01, 0xFE, 0xFF, 0x23, 0x9A, 0xB9, 0xCB];
        IcaoKeyDerivation.AdjustParity(key);

        Assert.All(key, b => Assert.Equal(1, System.Numerics.BitOperations.PopCount(b) % 2));
        Assert.Equal("0101FEFE239BB9CB", Convert.ToHexString(key));
    }
}
