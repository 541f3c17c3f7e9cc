using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Reading;

namespace TiepCongDan.Edge.Tests.Card.Reading;

/// <summary>Which files are read, and how: chunks small enough for readers without extended length, the face only when configured.</summary>
public sealed class ChipRead_Files_Tests
{
    [Fact]
    public void A_card_rejecting_extended_length_reads_fine_and_no_read_asks_more_than_0xDF_bytes()
    {
        var harness = new ChipReadHarness(
            new VirtualCccdCardOptions { RejectExtendedLength = true },
            new ChipReadSettings { ReadFaceImage = true });

        using var identity = harness.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet));

        Assert.Equal(CccdPerson.Tuyet.IdNumber, identity.IdNumber);
        Assert.False(identity.FaceImage.IsEmpty);
        Assert.DoesNotContain(harness.Card.Log.Entries, e => e.StatusWord == 0x6700);

        // The protected READ BINARY carries its Le in DO'97': 0C B0 P1 P2 Lc 97 01 Le 8E 08 ...
        var reads = harness.Transport.Commands.Where(c => c[1] == 0xB0 && c[0] == 0x0C).ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, c =>
        {
            Assert.Equal(0x97, c[5]);
            Assert.InRange(c[7], 1, 0xDF);
        });
    }

    [Fact]
    public void A_small_chunk_size_still_reads_every_file_whole()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions(), new ChipReadSettings { ChunkSize = 0x20 });

        using var identity = harness.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet));

        ChipReadHarness.AssertIsPerson(CccdPerson.Tuyet, identity);
        Assert.Equal(Edge.Card.Identity.CardAuthenticityStatus.Valid, identity.Authenticity.Status);
    }

    [Fact]
    public void Dg2_is_read_only_when_configured_and_then_gives_the_jpeg()
    {
        var without = new ChipReadHarness(new VirtualCccdCardOptions());
        using (var identity = without.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet)))
        {
            Assert.DoesNotContain("DG2", without.Card.Log.FilesRead);
            Assert.True(identity.FaceImage.IsEmpty);
        }

        var with = new ChipReadHarness(new VirtualCccdCardOptions(), new ChipReadSettings { ReadFaceImage = true });
        using (var identity = with.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet)))
        {
            Assert.Contains("DG2", with.Card.Log.FilesRead);
            Assert.Equal([0xFF, 0xD8, 0xFF], identity.FaceImage[..3].ToArray());
            Assert.Equal(Edge.Card.Identity.CardAuthenticityStatus.Valid, identity.Authenticity.Status);

            identity.Dispose();
            Assert.True(identity.FaceImage.IsEmpty);
        }
    }

    [Fact]
    public void Dg14_and_dg15_are_read_when_ef_com_lists_them()
    {
        var harness = new ChipReadHarness(new VirtualCccdCardOptions());

        using var identity = harness.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet));

        Assert.Equal(["EF.COM", "DG1", "DG13", "DG14", "DG15", "EF.SOD"], harness.Card.Log.FilesRead.Where(f => f != "EF.CardAccess"));
    }
}
