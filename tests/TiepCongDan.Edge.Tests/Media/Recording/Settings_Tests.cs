using TiepCongDan.Edge.Media.Recording;

namespace TiepCongDan.Edge.Tests.Media.Recording;

/// <summary>Segment durations are clamped to 2-6 s; missing paths and a reserve above the alarm are refused.</summary>
public sealed class Settings_Tests
{
    [Theory]
    [InlineData(1, 1, 2, 2)]
    [InlineData(10, 10, 6, 6)]
    [InlineData(4, 3, 4, 4)]
    [InlineData(4, 6, 4, 6)]
    public void Durations_are_clamped(int target, int max, int usedTarget, int usedMax)
    {
        var settings = new MediaRecorderSettings
        {
            Directory = "/tmp/x",
            KeyPath = "/tmp/x.key",
            TargetSegmentDuration = TimeSpan.FromSeconds(target),
            MaxSegmentDuration = TimeSpan.FromSeconds(max),
        };

        settings.Validate();
        Assert.Equal(TimeSpan.FromSeconds(usedTarget), settings.EffectiveTarget);
        Assert.Equal(TimeSpan.FromSeconds(usedMax), settings.EffectiveMax);
    }

    [Fact]
    public void Wrong_settings_are_refused_with_a_sentence()
    {
        Assert.Contains("Directory", Assert.Throws<ArgumentException>(() => new MediaRecorderSettings { KeyPath = "/k" }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("KeyPath", Assert.Throws<ArgumentException>(() => new MediaRecorderSettings { Directory = "/d" }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("ReserveBytes", Assert.Throws<ArgumentException>(() => new MediaRecorderSettings { Directory = "/d", KeyPath = "/k", LowDiskBytes = 1, ReserveBytes = 2 }.Validate()).Message, StringComparison.Ordinal);
    }
}
