using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Service;

namespace TiepCongDan.Edge.Tests.Update;

/// <summary>`tcd-edge update install|status|confirm|guard --root DIR` as a technician or the guard unit runs it.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpdateCommandTests : IDisposable
{
    private readonly ReleaseFixture _fx = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Install_then_confirm_then_guard_keeps_the_update()
    {
        var restarter = new FakeRestarter(_fx.Layout);
        var (code, output, _) = await Run(restarter, "install", _fx.MakeTarball("2.0.0"), "--deadline", "300");
        Assert.Equal(UpdateCommand.ExitOk, code);
        Assert.Contains("Đã cài phiên bản 2.0.0", output, StringComparison.Ordinal);

        (code, output, _) = await Run(restarter, "guard");
        Assert.Equal(UpdateCommand.ExitOk, code);
        Assert.Contains("chưa xác nhận", output, StringComparison.Ordinal);

        (code, output, _) = await Run(restarter, "confirm");
        Assert.Contains("Đã xác nhận phiên bản 2.0.0", output, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(10));
        (code, output, _) = await Run(restarter, "guard");
        Assert.Equal(UpdateCommand.ExitOk, code);
        Assert.Contains("được giữ lại", output, StringComparison.Ordinal);
        Assert.Equal("2.0.0", _fx.Current);
    }

    [Fact]
    public async Task Guard_after_the_deadline_rolls_back_and_says_so_and_a_torn_package_exits_65()
    {
        var restarter = new FakeRestarter(_fx.Layout);
        Assert.Equal(UpdateCommand.ExitOk, (await Run(restarter, "install", _fx.MakeReleaseDirectory("2.0.0"), "--deadline", "60")).Code);
        _time.Advance(TimeSpan.FromMinutes(2));
        var (code, _, error) = await Run(restarter, "guard");
        Assert.Equal(UpdateCommand.ExitOk, code);
        Assert.Contains("đã quay lại phiên bản 1.0.0", error, StringComparison.Ordinal);
        Assert.Equal("1.0.0", _fx.Current);

        var torn = _fx.MakeTarball("3.0.0");
        File.WriteAllBytes(torn, File.ReadAllBytes(torn)[..100]);
        (code, _, error) = await Run(restarter, "install", torn);
        Assert.Equal(UpdateCommand.ExitRefused, code);
        Assert.Contains("từ chối gói cập nhật", error, StringComparison.Ordinal);
        Assert.Equal("1.0.0", _fx.Current);

        Assert.Equal(UpdateCommand.ExitUsage, (await Run(restarter, "install")).Code);
    }

    private async Task<(int Code, string Output, string Error)> Run(FakeRestarter restarter, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] full = ["update", .. args, "--root", _fx.Root];
        var code = await UpdateCommand.RunAsync(full, restarter, _time, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => _fx.Dispose();
}
