using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Tests.Media.Encoders;

namespace TiepCongDan.Edge.Tests.Media.Capture;

public sealed class AlsaCardLocatorTests
{
    private const string Cards =
        " 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n" +
        "                      HDA Intel PCH at 0xf7f10000 irq 32\n" +
        " 1 [Device         ]: USB-Audio - USB Audio Device\n" +
        "                      C-Media Electronics Inc. USB Audio Device at usb-0000:00:14.0-2, full speed\n";

    [Theory]
    [InlineData("Device")]
    [InlineData("USB Audio")]
    [InlineData("device")]
    public void Finds_a_card_by_id_or_name_for_ffmpeg(string name)
    {
        using var root = FakeProc(Cards);

        var lookup = new AlsaCardLocator(root.Path).Locate(name);

        Assert.Equal(DeviceStatus.Present, lookup.Reading.Status);
        Assert.Equal("hw:CARD=Device,DEV=0", lookup.FfmpegDevice);
    }

    [Fact]
    public void Missing_card_is_absent_with_a_sentence_naming_the_file()
    {
        using var root = FakeProc(" 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n");
        var locator = new AlsaCardLocator(root.Path);

        var lookup = locator.Locate("USB Audio");

        Assert.Equal(DeviceStatus.Absent, lookup.Reading.Status);
        Assert.StartsWith($"Không tìm thấy micro 'USB Audio' trong {locator.CardsPath}", lookup.Reading.Reason, StringComparison.Ordinal);
        Assert.Empty(lookup.FfmpegDevice);
    }

    [Fact]
    public void No_alsa_at_all_is_absent_not_an_exception()
    {
        using var root = new TempDirectory();

        var lookup = new AlsaCardLocator(root.Path).Locate("Device");

        Assert.Equal(DeviceStatus.Absent, lookup.Reading.Status);
        Assert.Contains("Không đọc được", lookup.Reading.Reason, StringComparison.Ordinal);
    }

    private static TempDirectory FakeProc(string cards)
    {
        var root = new TempDirectory();
        Directory.CreateDirectory(root.File("proc/asound"));
        File.WriteAllText(root.File("proc/asound/cards"), cards);
        return root;
    }
}
