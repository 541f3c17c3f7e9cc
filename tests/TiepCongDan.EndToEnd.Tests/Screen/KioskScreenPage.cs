using System.Text.Json;
using Microsoft.Playwright;
using TiepCongDan.Edge.Reception;

namespace TiepCongDan.EndToEnd.Tests.Screen;

/// <summary>The kiosk page as a citizen sees it: what an element says, how big and with what contrast, read from Chromium's computed styles.</summary>
internal sealed class KioskScreenPage
{
    private const string StyleOf = """
        (element) => {
          const style = getComputedStyle(element);
          let background = "rgba(0, 0, 0, 0)";
          for (let e = element; e; e = e.parentElement) {
            const b = getComputedStyle(e).backgroundColor;
            if (b !== "transparent" && !/rgba\([^)]*,\s*0\)$/.test(b)) { background = b; break; }
          }
          if (background === "rgba(0, 0, 0, 0)") { background = "rgb(255, 255, 255)"; }
          const box = element.getBoundingClientRect();
          return { color: style.color, background, fontSize: parseFloat(style.fontSize), visible: box.width > 0 && box.height > 0, width: box.width, height: box.height };
        }
        """;

    public KioskScreenPage(IPage page)
    {
        Page = page;
    }

    public IPage Page { get; }

    public ILocator Instruction => Page.Locator("#instruction");

    /// <summary>Waits until the page has drawn <paramref name="state"/> (pushed by the server; the page is never reloaded).</summary>
    public Task WaitForStateAsync(ReceptionState state) =>
        Assertions.Expect(Page.Locator("body")).ToHaveAttributeAsync("data-state", state.ToString());

    public async Task<ElementStyle> StyleAsync(ILocator element)
    {
        var json = await element.EvaluateAsync<JsonElement>(StyleOf);
        return new ElementStyle(
            json.GetProperty("color").GetString()!,
            json.GetProperty("background").GetString()!,
            json.GetProperty("fontSize").GetDouble(),
            json.GetProperty("visible").GetBoolean(),
            json.GetProperty("width").GetDouble(),
            json.GetProperty("height").GetDouble());
    }
}
