using System.Text.Json;
using Microsoft.Playwright;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Reception;

/// <summary>
/// The kiosk page of a running tcd-edge in headless Chromium, followed through a real session. A
/// script in the page records every render (state, instruction, greeting, all visible text) the
/// moment it happens, so a state that lasts less than a screenshot (Connecting, Ending) is still
/// checked; stable states are also photographed into artifacts/test-results/screens/reception.
/// </summary>
internal sealed class KioskPageRecorder : IAsyncDisposable
{
    // Runs before the page's own script: after each full render (data-rendered counts them) note what a citizen sees.
    private const string RecorderScript = """
        window.__renders = [];
        document.addEventListener("DOMContentLoaded", () => {
          const note = () => {
            const text = (id) => { const e = document.getElementById(id); return e && !e.hidden ? e.textContent : null; };
            window.__renders.push({
              state: document.body.dataset.state,
              instruction: text("instruction"),
              citizen: text("citizen"),
              error: text("error"),
              visibleText: document.body.innerText,
              html: document.documentElement.outerHTML,
              at: Date.now(),
            });
          };
          new MutationObserver(note).observe(document.body, { attributes: true, attributeFilter: ["data-rendered"] });
        });
        """;

    private readonly ITestOutputHelper _output;
    private readonly string _folder;
    private int _shots;

    private KioskPageFilm? _film;

    private KioskPageRecorder(IPage page, ITestOutputHelper output, string folder)
    {
        Page = page;
        _output = output;
        _folder = folder;
    }

    public IPage Page { get; }

    public ILocator Instruction => Page.Locator("#instruction");

    public ILocator Citizen => Page.Locator("#citizen");

    /// <summary>Where the screenshots go: artifacts/test-results/screens/reception/&lt;test&gt; under the repository, as the Screen tests keep theirs.</summary>
    public static string ScreensDirectory(string test)
    {
        var root = BuiltPrograms.RepositoryRoot() ?? AppContext.BaseDirectory;
        var folder = Path.Combine(root, "artifacts", "test-results", "screens", "reception", test);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Directory.CreateDirectory(folder).FullName;
    }

    public static async Task<KioskPageRecorder> OpenAsync(ChromiumSession chromium, Uri address, string test, ITestOutputHelper output)
    {
        var page = chromium.Context.Pages.Count > 0 ? chromium.Context.Pages[0] : await chromium.Context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        await page.AddInitScriptAsync(RecorderScript);
        var response = await page.GotoAsync(address.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.True(response is { Ok: true }, $"GET {address} answered {response?.Status}");
        var recorder = new KioskPageRecorder(page, output, ScreensDirectory(test));
        recorder._film = await KioskPageFilm.StartAsync(page);
        return recorder;
    }

    /// <summary>Waits until the page has drawn <paramref name="state"/> (pushed by the edge, never reloaded).</summary>
    public Task WaitForStateAsync(string state) =>
        Assertions.Expect(Page.Locator("body")).ToHaveAttributeAsync("data-state", state);

    /// <summary>Waits until the page shows one of <paramref name="states"/>; returns which (a short state may already be over).</summary>
    public async Task<string> WaitForAnyStateAsync(params string[] states)
    {
        await Page.WaitForFunctionAsync("(states) => states.includes(document.body.dataset.state)", states,
            new PageWaitForFunctionOptions { PollingInterval = 20 });
        return await Page.Locator("body").GetAttributeAsync("data-state") ?? string.Empty;
    }

    /// <summary>
    /// A picture of the page in <paramref name="state"/>, named after the order and the state: a
    /// screenshot while the page still shows it, else the last frame Chromium painted while it did
    /// (the state was shorter than a screenshot). Fails when the page never painted the state.
    /// </summary>
    public async Task ScreenshotAsync(string state)
    {
        var path = Path.Combine(_folder, $"{++_shots:00}-{state}.png");
        if (await Page.Locator("body").GetAttributeAsync("data-state") == state)
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
            if (await Page.Locator("body").GetAttributeAsync("data-state") == state)
            {
                Assert.True(new FileInfo(path).Length > 0, $"the screenshot {path} is empty");
                _output.WriteLine($"screenshot: {path}");
                return;
            }
        }

        var renders = await RendersAsync();
        var last = renders.Select((r, i) => (r, i)).LastOrDefault(x => x.r.State == state);
        Assert.True(last.r is not null, $"the page never showed {state}; it showed {string.Join(" -> ", renders.Select(r => r.State))}");
        var until = renders.Skip(last.i + 1).FirstOrDefault(r => r.State != state)?.AtMs ?? double.MaxValue;
        var frame = _film?.LastFrameBetween(last.r.AtMs, until);
        if (frame is not null)
        {
            await File.WriteAllBytesAsync(path, frame);
            _output.WriteLine($"screenshot (filmed, {state} lasted {until - last.r.AtMs:0} ms): {path}");
            return;
        }

        // Chromium paints (and films) at its own pace; on a loaded machine a state of ~100 ms can
        // pass between two painted frames. Its picture is then the DOM recorded at that render,
        // drawn again without scripts on a page of the same origin (so the same style sheet applies).
        var html = await Page.EvaluateAsync<string>("(i) => window.__renders[i].html", last.i);
        await RedrawAsync(html, path);
        _output.WriteLine($"screenshot (re-drawn from the DOM recorded at its render: no frame was painted in the {until - last.r.AtMs:0} ms {state} lasted; {_film?.Count} frames filmed in all): {path}");
    }

    private async Task RedrawAsync(string html, string path)
    {
        var withoutScripts = System.Text.RegularExpressions.Regex.Replace(html, "<script\\b[^>]*>[\\s\\S]*?</script>", string.Empty,
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var copy = await Page.Context.NewPageAsync();
        try
        {
            await copy.SetViewportSizeAsync(Page.ViewportSize?.Width ?? 1280, Page.ViewportSize?.Height ?? 720);
            await copy.RouteAsync(Page.Url, route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html; charset=utf-8", Body = withoutScripts }));
            await copy.GotoAsync(Page.Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await copy.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        }
        finally
        {
            await copy.CloseAsync();
        }

        Assert.True(new FileInfo(path).Length > 0, $"the re-drawn screenshot {path} is empty");
    }

    /// <summary>Every render the page made so far, oldest first.</summary>
    public async Task<IReadOnlyList<PageRender>> RendersAsync()
    {
        var json = await Page.EvaluateAsync<JsonElement>("() => window.__renders");
        return [.. json.EnumerateArray().Select(r => new PageRender(
            r.GetProperty("state").GetString() ?? string.Empty,
            ReceptionRecord.TextOf(r, "instruction"),
            ReceptionRecord.TextOf(r, "citizen"),
            ReceptionRecord.TextOf(r, "error"),
            ReceptionRecord.TextOf(r, "visibleText") ?? string.Empty,
            r.GetProperty("at").GetDouble()))];
    }

    public async ValueTask DisposeAsync()
    {
        if (_film is not null)
        {
            await _film.DisposeAsync();
        }
    }
}
