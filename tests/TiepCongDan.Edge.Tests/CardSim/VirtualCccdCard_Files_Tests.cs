using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.CardSim;

public sealed class VirtualCccdCard_Files_Tests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Protected_reads_return_exactly_every_file_of_the_card()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var reader = CardReader.Open(card, CccdPerson.Tuyet);

        foreach (var file in card.Image.Files.Where(f => f.InApplication))
        {
            Assert.Equal(file.Content, reader.ReadFile(file.FileId));
        }

        Assert.Equal(["EF.COM", "EF.SOD", "DG1", "DG2", "DG13", "DG14", "DG15"], card.Log.FilesRead);
        Assert.False(card.Log.AnyProtectedFileReadWithoutAccessControl);
        Assert.All(card.Log.Entries.Where(e => e.Instruction == 0xB0), e => Assert.True(e.SecureMessaging));
    }

    [Fact]
    public void EF_COM_lists_the_tags_of_the_data_groups_present()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { IncludeDg2 = false, IncludeDg14 = false });

        var com = BerTlv.ParseSingle(card.Image.Com);

        Assert.Equal(0x60, com.Tag);
        Assert.Equal("0107"u8.ToArray(), com.Child(0x5F01).Value.ToArray());
        Assert.Equal(new byte[] { 0x61, 0x6D, 0x6F }, com.Child(0x5C).Value.ToArray());
        Assert.DoesNotContain(card.Image.Files, f => f.Name is "DG2" or "DG14");
    }

    [Fact]
    public void Edge_parses_DG1_as_the_TD1_MRZ_of_the_person()
    {
        var person = CccdPerson.Tuyet;
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Person = person });
        var dg1 = CardReader.Open(card, person).ReadFile(0x0101);

        var mrzBytes = BerTlv.ParseSingle(dg1).Child(0x5F1F).Value;
        var mrz = Td1Mrz.Parse(System.Text.Encoding.ASCII.GetString(mrzBytes.Span), Today);

        Assert.Equal("ID", mrz.DocumentCode);
        Assert.Equal("VNM", mrz.IssuingState);
        Assert.Equal(person.IdNumber[^9..], mrz.DocumentNumber);
        Assert.Equal(person.IdNumber, mrz.IdNumber);
        Assert.Equal(person.DateOfBirth, mrz.DateOfBirth);
        Assert.Equal(person.DateOfExpiry, mrz.DateOfExpiry);
        Assert.Equal('F', mrz.Sex);
        Assert.Equal("NGUYEN", mrz.Surname);
        Assert.Equal("THI ANH TUYET", mrz.GivenNames);
    }

    [Theory]
    [MemberData(nameof(People))]
    public void Edge_parses_DG13_with_Vietnamese_text_intact(string which)
    {
        var person = which == "Tuyet" ? CccdPerson.Tuyet : CccdPerson.Hung;
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Person = person });
        var bytes = CardReader.Open(card, person).ReadFile(0x010D);

        var dg13 = Dg13.Parse(bytes);

        Assert.Equal("1.0.10646.1.0.8", dg13.Oid);
        Assert.Equal(person.IdNumber, dg13.IdNumber);
        Assert.Equal(person.FullName, dg13.FullName);
        Assert.Equal(person.DateOfBirth.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), dg13.DateOfBirth);
        Assert.Equal(person.Sex, dg13.Sex);
        Assert.Equal("Việt Nam", dg13.Nationality);
        Assert.Equal(person.Ethnicity, dg13.Ethnicity);
        Assert.Equal(person.Religion, dg13.Religion);
        Assert.Equal(person.PlaceOfOrigin, dg13.PlaceOfOrigin);
        Assert.Equal(person.PlaceOfResidence, dg13.PlaceOfResidence);
        Assert.Equal(person.IdentifyingMarks, dg13.IdentifyingMarks);
        Assert.Equal(person.FatherName, dg13.FatherName);
        Assert.Equal(person.MotherName, dg13.MotherName);
        Assert.Equal(person.SpouseName ?? string.Empty, dg13.SpouseName);
        Assert.Equal(person.Field16 is not null, dg13.Fields.ContainsKey(16));
        Assert.Equal(person.Field16 ?? string.Empty, dg13.Fields.GetValueOrDefault(16)?.Text ?? string.Empty);
    }

    public static TheoryData<string> People() => ["Tuyet", "Hung"];

    [Fact]
    public void DG13_with_PrintableString_digits_parses_the_same()
    {
        var person = CccdPerson.Hung;
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Person = person, Dg13DigitsAsPrintableString = true, IncludeDg2 = false });

        var dg13 = Dg13.Parse(card.Image.Dg13);

        Assert.Equal(0x13, dg13.Fields[1].Raw.Span[5]); // PrintableString after 30 len 02 01 01
        Assert.Equal(person.IdNumber, dg13.IdNumber);
        Assert.Equal("02/11/1978", dg13.DateOfBirth);
        Assert.Equal("Trương Đình Hưng", dg13.FullName);
    }

    [Fact]
    public void DG2_read_in_0xDF_chunks_reassembles_byte_for_byte()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { RejectExtendedLength = true });
        var reader = CardReader.Open(card, CccdPerson.Tuyet);

        var dg2 = reader.ReadFile(0x0102);

        Assert.Equal(card.Image.Dg2, dg2);
        Assert.InRange(dg2.Length, 15_000, 20_000);
        var reads = card.Log.Entries.Count(e => e.Instruction == 0xB0 && e.SelectedFile == "DG2");
        Assert.True(reads >= dg2.Length / CardReader.MaxChunk, $"{reads} reads for {dg2.Length} bytes");
        var jpegStart = dg2.AsSpan().IndexOf(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 });
        Assert.True(jpegStart > 0, "DG2 holds a JPEG");
        Assert.Equal(new byte[] { 0xFF, 0xD9 }, dg2[^2..]);
    }

    [Fact]
    public void Reject_extended_length_refuses_Le_00_and_above_DF_but_serves_DF()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { RejectExtendedLength = true });
        var reader = CardReader.Open(card, CccdPerson.Tuyet);
        Assert.Equal(StatusWords.Success, StatusWords.Of(reader.Session.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x02])));

        Assert.Equal((ushort)0x6700, StatusWords.Of(reader.Session.Transmit([0x00, 0xB0, 0x00, 0x00, 0x00])));
        Assert.Equal((ushort)0x6700, StatusWords.Of(reader.Session.Transmit([0x00, 0xB0, 0x00, 0x00, 0xE0])));
        var chunk = reader.Session.Transmit([0x00, 0xB0, 0x00, 0x00, 0xDF]);

        Assert.Equal(StatusWords.Success, StatusWords.Of(chunk));
        Assert.Equal(card.Image.Dg2![..0xDF], chunk[..^2]);
    }

    [Fact]
    public void Without_the_restriction_Le_00_reads_256_bytes()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var reader = CardReader.Open(card, CccdPerson.Tuyet);
        reader.Session.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x02]);

        var response = reader.Session.Transmit([0x00, 0xB0, 0x00, 0x00, 0x00]);

        Assert.Equal(card.Image.Dg2![..256], response[..^2]);
    }

    [Fact]
    public void READ_BINARY_with_a_short_EF_identifier_selects_and_reads_the_file()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var reader = CardReader.Open(card, CccdPerson.Tuyet);

        var response = reader.Session.Transmit([0x00, 0xB0, 0x80 | 0x0D, 0x00, 0x10]);

        Assert.Equal(card.Image.Dg13[..0x10], response[..^2]);
        var rest = reader.Read(0x10, 0x10);
        Assert.Equal(card.Image.Dg13[0x10..0x20], rest);
        Assert.Equal("DG13", card.Log.Entries[^1].SelectedFile);
    }

    [Fact]
    public void Missing_files_and_offsets_beyond_the_end_answer_their_status_words()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { IncludeDg15 = false });
        var reader = CardReader.Open(card, CccdPerson.Tuyet);

        Assert.Equal((ushort)0x6A82, StatusWords.Of(reader.Session.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x0F])));
        Assert.Equal((ushort)0x6A82, StatusWords.Of(reader.Session.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x03])));
        reader.Session.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x01]);
        Assert.Equal((ushort)0x6B00, StatusWords.Of(reader.Session.Transmit([0x00, 0xB0, 0x01, 0x00, 0x10])));
    }

    [Fact]
    public void SELECT_MF_answers_6D00_when_configured_and_EF_CardAccess_is_still_selectable()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { SelectMasterFileAnswers6D00 = true, Pace = new FixedCardAccess() });
        var transport = new VirtualCardTransport(card);

        Assert.Equal((ushort)0x6D00, StatusWords.Of(transport.Transmit([0x00, 0xA4, 0x00, 0x0C, 0x02, 0x3F, 0x00])));
        Assert.Equal(StatusWords.Success, StatusWords.Of(transport.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x1C])));
        var cardAccess = transport.Transmit([0x00, 0xB0, 0x00, 0x00, 0x00]);

        Assert.Equal([.. FixedCardAccess.File, 0x90, 0x00], cardAccess);
        Assert.False(card.Log.AnyProtectedFileReadWithoutAccessControl);
    }

    [Fact]
    public void CardAccess_is_absent_from_a_BAC_only_card()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var transport = new VirtualCardTransport(card);

        Assert.Equal((ushort)0x6A82, StatusWords.Of(transport.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x1C])));
    }

    private sealed class FixedCardAccess : IPaceResponder
    {
        public static readonly byte[] File = [0x31, 0x14, 0x30, 0x12, 0x06, 0x0A, 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02, 0x02, 0x02, 0x01, 0x02, 0x02, 0x01, 0x0D];

        public byte[] CardAccessFile => File;

        public CardSessionKeys? Established => null;

        public byte[]? TryProcess(ReadOnlySpan<byte> command) => null;

        public void Reset()
        {
        }
    }
}
