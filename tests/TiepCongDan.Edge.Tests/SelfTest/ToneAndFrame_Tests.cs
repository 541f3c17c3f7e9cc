using TiepCongDan.Edge.SelfTest;

namespace TiepCongDan.Edge.Tests.SelfTest;

public sealed class ToneAndFrame_Tests
{
    [Fact]
    public void The_detector_finds_the_test_tone_and_its_level()
    {
        var samples = Sine(1000, 0.25, seconds: 2);

        var analysis = ToneDetector.Analyze(samples, 16000, 1000);

        Assert.Equal(1000, analysis.DominantHz);
        Assert.InRange(analysis.ToneLevelDb, -16, -12); // 0.25 peak = -15 dBFS RMS
        Assert.InRange(analysis.ToneSeconds, 1.9, 2.0);
    }

    [Fact]
    public void Another_tone_is_heard_but_is_not_the_test_tone()
    {
        var analysis = ToneDetector.Analyze(Sine(440, 0.25, seconds: 2), 16000, 1000);

        Assert.Equal(0, analysis.ToneSeconds);
        Assert.Equal(440, analysis.DominantHz);
        Assert.True(analysis.LoudestLevelDb > ToneDetector.SilenceDb);
    }

    [Fact]
    public void Identical_frames_are_not_moving_and_noise_is()
    {
        var frame = new byte[160 * 90];
        new Random(1).NextBytes(frame);
        var noisy = frame.Select((b, i) => (byte)Math.Clamp(b + (i % 3) - 1, 0, 255)).ToArray();

        Assert.False(FrameComparison.Of(frame, frame).Moving);
        Assert.True(FrameComparison.Of(frame, noisy).Moving);
    }

    private static short[] Sine(double hz, double amplitude, double seconds) =>
        [.. Enumerable.Range(0, (int)(16000 * seconds)).Select(i => (short)(amplitude * 32767 * Math.Sin(2 * Math.PI * hz * i / 16000)))];
}
