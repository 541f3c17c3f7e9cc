using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Media;

/// <summary>One real hub for a class of media tests (each test uses its own sessions); 14-09999 is revoked.</summary>
public sealed class MediaHubFixture : IAsyncLifetime
{
    public const string RevokedKiosk = "14-09999";

    public TestHub Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync($"--Hub:Fleet:RevokedKiosks:0={RevokedKiosk}");

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
