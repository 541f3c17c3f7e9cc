using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Tests.Reception;

public sealed class EdgeReceptionOptionsValidator_Tests
{
    private static IReadOnlyList<string> Failures(EdgeReceptionOptions options) =>
        new EdgeReceptionOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_are_valid()
    {
        var options = new EdgeReceptionOptions();

        Assert.Empty(Failures(options));
        Assert.True(options.Enabled);
        Assert.Equal(60, options.CitizenPresentSeconds);
        Assert.Equal(90, options.IdentifiedSeconds);
        Assert.Equal(45, options.ConnectingSeconds);
        Assert.Equal(30, options.RatingSeconds);
        Assert.Equal(10, options.ErrorDisplaySeconds);
        Assert.Equal(250, options.LiveCheckIntervalMs);
    }

    [Fact]
    public void Each_mistake_is_one_sentence_naming_its_key()
    {
        var failures = Failures(new EdgeReceptionOptions
        {
            CitizenPresentSeconds = 0,
            RatingSeconds = 10_000,
            LiveCheckIntervalMs = 10,
            Staff = "Cán bộ 0912345678",
            QrScannerDevice = "input/event3",
        });

        Assert.Contains("Edge:Reception:CitizenPresentSeconds is 0: use 5 to 3600 seconds.", failures);
        Assert.Contains("Edge:Reception:RatingSeconds is 10000: use 5 to 600 seconds.", failures);
        Assert.Contains(failures, f => f.StartsWith("Edge:Reception:LiveCheckIntervalMs is 10", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Edge:Reception:Staff contains digits", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Edge:Reception:QrScannerDevice 'input/event3' must be an absolute path", StringComparison.Ordinal));
        Assert.Equal(5, failures.Count);
    }

    [Fact]
    public void A_disabled_flow_is_not_checked()
    {
        Assert.Empty(Failures(new EdgeReceptionOptions { Enabled = false, RatingSeconds = -1 }));
    }
}
