using TiepCongDan.Edge.Media.Encoders;

namespace TiepCongDan.Edge.Tests.Media.Encoders;

public sealed class EncoderSelectorTests
{
    [Theory]
    [InlineData("bcm2835-codec-encode", EncoderKind.H264V4l2m2m)]
    [InlineData("rpivid", EncoderKind.Libx264)]
    [InlineData(null, EncoderKind.Libx264)]
    public void Auto_picks_the_pi4_encoder_only_when_video11_is_an_encoder(string? name, EncoderKind expected)
    {
        using var root = new TempDirectory();
        if (name is not null)
        {
            Directory.CreateDirectory(root.File("dev"));
            File.WriteAllText(root.File("dev/video11"), string.Empty);
            Directory.CreateDirectory(root.File("sys/class/video4linux/video11"));
            File.WriteAllText(root.File("sys/class/video4linux/video11/name"), name + "\n");
        }

        var selector = new EncoderSelector(root.Path);

        Assert.Equal(expected, selector.Resolve(EncoderKind.Auto));
        Assert.Equal(EncoderKind.Libx264, selector.Resolve(EncoderKind.Libx264));
    }
}
