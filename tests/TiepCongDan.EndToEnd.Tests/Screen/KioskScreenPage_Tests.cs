using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Screen;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Screen;

/// <summary>
/// The kiosk page in Debian's headless Chromium, driven through every reception state by the
/// in-process page server: the exact Vietnamese shown, the instruction at 48 px or more with a
/// contrast of 7:1 or more, the state's own layout, and a screenshot per state kept in
/// artifacts/test-results/screens/&lt;state&gt;.png.
/// </summary>
public sealed class KioskScreenPage_Tests
{
    private const string CitizenName = "Nguyễn Thị Hoa";
    private const string ErrorSentence = "Không đọc được thẻ. Xin mời đặt lại thẻ.";
    private const double MinimumInstructionPx = 48;
    private const double MinimumContrast = 7;

    private static readonly ReceptionState[] Walk =
    [
        ReceptionState.Idle, ReceptionState.CitizenPresent, ReceptionState.Identified, ReceptionState.Connecting,
        ReceptionState.Live, ReceptionState.Ending, ReceptionState.Rating, ReceptionState.Error,
    ];

    private readonly ITestOutputHelper _output;

    public KioskScreenPage_Tests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>Where build.sh keeps test results; screenshots go in its screens folder.</summary>
    private static string ScreensDirectory
    {
        get
        {
            var root = BuiltPrograms.RepositoryRoot() ?? AppContext.BaseDirectory;
            return Directory.CreateDirectory(Path.Combine(root, "artifacts", "test-results", "screens")).FullName;
        }
    }

    [Fact]
    public async Task Every_reception_state_shows_its_Vietnamese_instruction_large_and_high_contrast_without_a_reload_or_a_request()
    {
        Assert.Equal(Enum.GetValues<ReceptionState>().Order(), Walk.Order());
        await using var server = await StartServerAsync();
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await OpenAsync(chromium, server);
        var screen = new KioskScreenPage(page);
        await screen.WaitForStateAsync(ReceptionState.Idle);

        // Pushed, not polled and not reloaded: no request at all while the states change.
        await page.EvaluateAsync("() => { window.__e2eMarker = 'same-page'; }");
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        foreach (var state in Walk)
        {
            server.Show(ScreenFor(state));
            await screen.WaitForStateAsync(state);
            await Assertions.Expect(screen.Instruction).ToHaveTextAsync(KioskScreenTexts.Instruction(state, KioskScreenLanguages.Vietnamese));
            await AssertLargeAndContrastedAsync(screen, screen.Instruction, MinimumInstructionPx, $"{state} instruction");
            await AssertStateLayoutAsync(screen, state);
            await ScreenshotAsync(page, state.ToString());
        }

        // Back to the start, as after a rating.
        server.Show(ScreenFor(ReceptionState.Idle));
        await screen.WaitForStateAsync(ReceptionState.Idle);
        await Assertions.Expect(screen.Instruction).ToHaveTextAsync("Xin mời đặt thẻ căn cước lên đầu đọc");
        await Assertions.Expect(page.Locator("#citizen")).ToBeHiddenAsync();

        Assert.Equal("same-page", await page.EvaluateAsync<string>("() => window.__e2eMarker"));
        Assert.Empty(requests);
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task The_page_switches_to_English_when_the_state_says_so_and_shows_the_officials_video_from_the_state()
    {
        await using var server = await StartServerAsync();
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await OpenAsync(chromium, server);
        var screen = new KioskScreenPage(page);
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.Address.ToString(), StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };

        var stream = new Uri(server.Address, "no-stream-yet.webm");
        server.Show(KioskScreenState.For(ReceptionState.Identified, KioskScreenLanguages.English) with { CitizenName = "Lê Văn Nam" });
        await screen.WaitForStateAsync(ReceptionState.Identified);
        await Assertions.Expect(page.Locator("#citizen")).ToHaveTextAsync("Welcome, Lê Văn Nam");
        await Assertions.Expect(screen.Instruction).ToHaveTextAsync("Choose your matter");

        server.Show(KioskScreenState.For(ReceptionState.Live, KioskScreenLanguages.English) with { CitizenName = "Lê Văn Nam", OfficialsVideoUrl = stream });
        await screen.WaitForStateAsync(ReceptionState.Live);
        await Assertions.Expect(screen.Instruction).ToHaveTextAsync("Please speak with the officials");
        await Assertions.Expect(page.Locator("#citizen")).ToBeHiddenAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("#officials-video")).ToBeVisibleAsync();
        // The page asks for the stream (again every 2 s while it fails) and keeps the placeholder over it until a picture plays.
        Assert.StartsWith(stream.ToString(), await page.Locator("#officials-video").GetAttributeAsync("src"), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#officials-placeholder")).ToHaveTextAsync("Connecting video...");
        await Assertions.Expect(page.Locator("#officials-placeholder")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#self-placeholder")).ToHaveTextAsync("Connecting video...");
        await AssertLargeAndContrastedAsync(screen, screen.Instruction, MinimumInstructionPx, "English instruction");
        await ScreenshotAsync(page, "Live-en");

        server.Show(KioskScreenState.For(ReceptionState.Rating, KioskScreenLanguages.English));
        await screen.WaitForStateAsync(ReceptionState.Rating);
        Assert.Equal(["Very satisfied", "Satisfied", "Neutral", "Dissatisfied"], await page.Locator("#ratings li").AllTextContentsAsync());
        await ScreenshotAsync(page, "Rating-en");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task On_the_seven_inch_800x480_display_every_state_fits_the_screen_without_scrolling()
    {
        await using var server = await StartServerAsync();
        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = await OpenAsync(chromium, server);
        await page.SetViewportSizeAsync(800, 480);
        var screen = new KioskScreenPage(page);
        foreach (var state in Walk)
        {
            server.Show(ScreenFor(state));
            await screen.WaitForStateAsync(state);
            await AssertLargeAndContrastedAsync(screen, screen.Instruction, MinimumInstructionPx, $"{state} instruction at 800x480");
            var overflow = await page.EvaluateAsync<int[]>(
                "() => [...document.querySelectorAll('main > *')].filter(e => e.offsetParent !== null).map(e => { const b = e.getBoundingClientRect(); return (b.top < 0 || b.left < 0 || b.bottom > innerHeight + 1 || b.right > innerWidth + 1) ? 1 : 0; })");
            Assert.True(overflow.All(o => o == 0), $"{state}: something is outside the 800x480 screen");
            await ScreenshotAsync(page, $"{state}-800x480");
        }
    }

    [Fact]
    public async Task After_an_edge_restart_the_page_says_it_is_reconnecting_then_follows_the_new_edge_without_a_reload()
    {
        var port = FreePort.Next();
        var first = await StartServerAsync(port);
        await using var chromium = await ChromiumSession.LaunchAsync();
        IPage page;
        try
        {
            page = await OpenAsync(chromium, first);
            await new KioskScreenPage(page).WaitForStateAsync(ReceptionState.Idle);
            await page.EvaluateAsync("() => { window.__e2eMarker = 'same-page'; }");
        }
        finally
        {
            await first.DisposeAsync();
        }

        var screen = new KioskScreenPage(page);
        await Assertions.Expect(page.Locator("#link")).ToHaveTextAsync("Đang kết nối lại với máy kiosk…");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-connected", "false");
        // The last instruction stays on screen meanwhile.
        await Assertions.Expect(screen.Instruction).ToHaveTextAsync("Xin mời đặt thẻ căn cước lên đầu đọc");

        await using var second = await StartServerAsync(port);
        second.Show(KioskScreenState.For(ReceptionState.Error) with { ErrorMessage = "Mất kết nối với trung tâm. Xin vui lòng chờ trong giây lát." });
        await screen.WaitForStateAsync(ReceptionState.Error);
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("Mất kết nối với trung tâm. Xin vui lòng chờ trong giây lát.");
        await Assertions.Expect(page.Locator("#link")).ToBeHiddenAsync();
        Assert.Equal("same-page", await page.EvaluateAsync<string>("() => window.__e2eMarker"));
    }

    private static KioskScreenState ScreenFor(ReceptionState state) => state switch
    {
        ReceptionState.Identified or ReceptionState.Connecting => KioskScreenState.For(state) with { CitizenName = CitizenName },
        ReceptionState.Live => KioskScreenState.For(state) with { CitizenName = CitizenName },
        ReceptionState.Rating => KioskScreenState.For(state) with { CountdownSeconds = 600 },
        ReceptionState.Error => KioskScreenState.For(state) with { ErrorMessage = ErrorSentence },
        _ => KioskScreenState.For(state),
    };

    private async Task AssertStateLayoutAsync(KioskScreenPage screen, ReceptionState state)
    {
        var page = screen.Page;
        var citizen = page.Locator("#citizen");
        // In Live the greeting gives its lines to the officials' video.
        if (state is ReceptionState.Identified or ReceptionState.Connecting)
        {
            await Assertions.Expect(citizen).ToHaveTextAsync($"Xin chào {CitizenName}");
            await AssertLargeAndContrastedAsync(screen, citizen, MinimumInstructionPx, $"{state} citizen name");
        }
        else
        {
            await Assertions.Expect(citizen).ToBeHiddenAsync();
        }

        if (state == ReceptionState.Live)
        {
            await Assertions.Expect(page.Locator("#live")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#officials-placeholder")).ToHaveTextAsync("Đang kết nối hình ảnh...");
            await Assertions.Expect(page.Locator("#self-placeholder")).ToHaveTextAsync("Đang kết nối hình ảnh...");
            var officials = await screen.StyleAsync(page.Locator(".video.officials"));
            var self = await screen.StyleAsync(page.Locator(".video.self"));
            _output.WriteLine($"Live: officials {officials.Width:0}x{officials.Height:0}, self-view {self.Width:0}x{self.Height:0}");
            Assert.True(officials.Width * officials.Height > 4 * self.Width * self.Height, "the officials' video is not much larger than the self-view");
            await AssertLargeAndContrastedAsync(screen, page.Locator("#officials-placeholder"), 32, "officials placeholder");
        }
        else
        {
            await Assertions.Expect(page.Locator("#live")).ToBeHiddenAsync();
        }

        if (state == ReceptionState.Rating)
        {
            var choices = page.Locator("#ratings li");
            Assert.Equal(["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng"], await choices.AllTextContentsAsync());
            for (var i = 0; i < 4; i++)
            {
                await AssertLargeAndContrastedAsync(screen, choices.Nth(i), 40, $"rating choice {i + 1}");
            }

            var countdown = await page.Locator("#countdown").TextContentAsync() ?? string.Empty;
            Assert.Matches("^Còn (600|59[0-9]) giây$", countdown);
        }
        else if (state == ReceptionState.Identified)
        {
            Assert.Equal(["Khiếu nại", "Tố cáo", "Kiến nghị", "Phản ánh"], await page.Locator("#ratings li").AllTextContentsAsync());
            await Assertions.Expect(page.Locator("#countdown")).ToBeHiddenAsync();
        }
        else
        {
            await Assertions.Expect(page.Locator("#ratings")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#countdown")).ToBeHiddenAsync();
        }

        if (state == ReceptionState.Error)
        {
            await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync(ErrorSentence);
            await AssertLargeAndContrastedAsync(screen, page.Locator("#error"), MinimumInstructionPx, "error sentence");
        }
        else
        {
            await Assertions.Expect(page.Locator("#error")).ToBeHiddenAsync();
        }
    }

    private async Task AssertLargeAndContrastedAsync(KioskScreenPage screen, ILocator element, double minimumPx, string what)
    {
        var style = await screen.StyleAsync(element);
        _output.WriteLine($"{what}: {style.FontSizePx:0.#} px, {style.Color} on {style.Background}, contrast {style.Contrast:0.0}:1");
        Assert.True(style.Visible, $"{what} is not visible");
        Assert.True(style.FontSizePx >= minimumPx, $"{what} is {style.FontSizePx} px, below {minimumPx} px");
        Assert.True(style.Contrast >= MinimumContrast, $"{what}: {style.Color} on {style.Background} is {style.Contrast:0.00}:1, below {MinimumContrast}:1");
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreensDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Assert.True(new FileInfo(path).Length > 0, $"the screenshot {path} is empty");
        _output.WriteLine($"screenshot: {path}");
    }

    private static async Task<KioskScreenServer> StartServerAsync(int? port = null)
    {
        var server = new KioskScreenServer(Options.Create(new EdgeScreenOptions { Port = port ?? FreePort.Next() }));
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    private static async Task<IPage> OpenAsync(ChromiumSession chromium, KioskScreenServer server)
    {
        var page = chromium.Context.Pages.Count > 0 ? chromium.Context.Pages[0] : await chromium.Context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        var response = await page.GotoAsync(server.Address.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.True(response is { Ok: true }, $"GET {server.Address} answered {response?.Status}");
        return page;
    }
}
