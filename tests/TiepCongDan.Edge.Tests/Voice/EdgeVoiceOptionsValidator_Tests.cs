using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Tests.Voice;

public sealed class EdgeVoiceOptionsValidator_Tests
{
    private static IReadOnlyList<string> Failures(EdgeVoiceOptions options) =>
        new EdgeVoiceOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_are_valid_slow_and_Vietnamese()
    {
        var options = new EdgeVoiceOptions();
        Assert.Empty(Failures(options));
        Assert.True(options.Rate < 175, "slower than espeak-ng's default for elderly listeners");
        Assert.Equal(VoiceLanguage.Vietnamese, options.Language);
        Assert.Equal("vi", options.Voice);
        Assert.Equal(0.8, options.Gain, 3);
    }

    [Fact]
    public void Out_of_range_values_are_each_explained_with_their_key_and_range()
    {
        var options = new EdgeVoiceOptions
        {
            Volume = 101,
            Rate = 40,
            Device = "plug hw",
            Voice = "Vietnamese!",
            Language = (VoiceLanguage)7,
            CacheDirectory = "voice-cache",
            TargetRmsDb = 0,
            ToolTimeoutSeconds = 0,
            SoxPath = " ",
        };

        Assert.Equal(
        [
            "Edge:Voice:Volume is 101: use 0 (silent) to 100 (full loudness of the rendered prompt).",
            "Edge:Voice:Rate is 40: use 80 to 260 words per minute (130 suits elderly listeners; espeak-ng's default is 175).",
            "Edge:Voice:Device 'plug hw' is not an ALSA device name: use one that `aplay -L` lists, e.g. default or plughw:1,0 (or file:/folder for WAV files).",
            "Edge:Voice:Voice 'Vietnamese!' is not an espeak-ng voice name: use vi, vi-vn-x-central or vi-vn-x-south (see `espeak-ng --voices=vi`).",
            "Edge:Voice:Language '7' is unknown: use Vietnamese or English.",
            "Edge:Voice:CacheDirectory 'voice-cache' must be an absolute path, e.g. /var/cache/tcd-edge/voice.",
            "Edge:Voice:TargetRmsDb is 0: use -40 to -10 dBFS (-20 leaves room for speech peaks without clipping).",
            "Edge:Voice:ToolTimeoutSeconds is 0: use 1 to 600 seconds.",
            "Edge:Voice:SoxPath is empty: leave it unset for the program on PATH, or give its full path.",
        ], Failures(options));
    }

    [Theory]
    [InlineData("file:/var/lib/tcd-edge/voice-out", true)]
    [InlineData("file:voice-out", false)]
    [InlineData("file:", false)]
    public void A_file_device_needs_an_absolute_folder(string device, bool valid)
    {
        var failures = Failures(new EdgeVoiceOptions { Device = device });
        if (valid)
        {
            Assert.Empty(failures);
        }
        else
        {
            Assert.Equal([$"Edge:Voice:Device '{device}' names no absolute folder: write file:/var/lib/tcd-edge/voice-out, or an ALSA device name."], failures);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(100)]
    public void Volume_0_to_100_is_accepted_and_maps_linearly_to_gain(int volume)
    {
        var options = new EdgeVoiceOptions { Volume = volume };
        Assert.Empty(Failures(options));
        Assert.Equal(volume / 100.0, options.Gain, 6);
    }

    [Fact]
    public void A_disabled_voice_is_not_checked()
    {
        Assert.Empty(Failures(new EdgeVoiceOptions { Enabled = false, Volume = 500, Device = string.Empty }));
    }
}
