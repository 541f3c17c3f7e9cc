using Microsoft.Playwright;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// Debian's headless Chromium driven by Playwright's bundled driver (shipped in the NuGet package;
/// no browser download). A fresh user-data folder per session, deleted on dispose.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // As the kiosk's browser unit: the officials' voice plays without anyone touching the screen.
        "--autoplay-policy=no-user-gesture-required",
    ];

    private readonly IPlaywright _playwright;
    private readonly TempDirectory _profile;

    private ChromiumSession(IPlaywright playwright, IBrowserContext context, TempDirectory profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<ChromiumSession> LaunchAsync(HttpCredentials? credentials = null)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException("install chromium: apt-get install chromium");
        }

        var playwright = await Playwright.CreateAsync();
        var profile = new TempDirectory("chromium");
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.Path, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = Executable,
                Headless = true,
                Args = ChromiumArguments,
                HttpCredentials = credentials,
                Timeout = 30_000,
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
                Locale = "vi-VN",
            });
            return new ChromiumSession(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            profile.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Context.CloseAsync();
        }
        catch (PlaywrightException)
        {
        }

        _playwright.Dispose();
        _profile.Dispose();
    }
}
