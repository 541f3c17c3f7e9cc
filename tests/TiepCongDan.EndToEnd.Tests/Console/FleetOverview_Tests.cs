using Microsoft.Playwright;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.OperatorConsole;

/// <summary>
/// The fleet overview in headless Chromium: counts per province and commune equal to the seeded
/// kiosks (and GET /api/console/summary agrees), search and status filter, collapsing a province, and a kiosk that shuts down moving the
/// counts live with no reload.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class FleetOverview_Tests
{
    private static readonly string[] Kinds = ["total", "online", "degraded", "offline", "session"];

    [Fact]
    public async Task Overview_counts_by_province_and_commune_filters_and_follows_a_kiosk_going_offline_live()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = cts.Token;
        await using var hub = await ConsoleFleet.StartHubAsync(ct);
        await using var fleet = await ConsoleFleet.ConnectAsync(hub, ConsoleFleet.Default, ct);
        await using var browser = await ConsoleBrowser.SignInAsync(hub);
        var page = browser.Page;

        var offline = new HashSet<string>(StringComparer.Ordinal);
        await ExpectCountsAsync(page, fleet.Kiosks, offline);
        await ExpectSummaryAsync(hub, fleet.Kiosks, offline, ct);
        await Assertions.Expect(page.Locator("[data-province=\"14\"] .province-head")).ToContainTextAsync("Sơn La");
        await Assertions.Expect(page.Locator("[data-kiosk-id=\"14-04171-02\"]")).ToContainTextAsync("Camera: không thấy");
        await Assertions.Expect(page.Locator("[data-kiosk-id=\"01-00001\"]")).ToContainTextAsync("chưa đồng bộ giờ");
        await Assertions.Expect(page.Locator("[data-kiosk-id=\"14-04172\"]")).ToContainTextAsync("Đang tiếp dân");
        await Assertions.Expect(page.Locator("tr[data-kiosk-id]")).ToHaveCountAsync(fleet.Kiosks.Count);

        // Search: a kiosk id part, then a province typed without diacritics.
        var visibleRows = page.Locator("tr[data-kiosk-id]:visible");
        await page.Locator("#search").FillAsync("20194");
        await Assertions.Expect(visibleRows).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-province=\"14\"]")).ToBeHiddenAsync();
        await page.Locator("#search").FillAsync("son la");
        await Assertions.Expect(visibleRows).ToHaveCountAsync(3);
        await page.Locator("#search").FillAsync("04171");
        await Assertions.Expect(visibleRows).ToHaveCountAsync(2);
        await page.Locator("#search").FillAsync("");

        // Status filter.
        await page.Locator("#status-filter").SelectOptionAsync("degraded");
        await Assertions.Expect(visibleRows).ToHaveCountAsync(fleet.Kiosks.Count(k => k.Degraded));
        await page.Locator("#status-filter").SelectOptionAsync("session");
        await Assertions.Expect(visibleRows).ToHaveCountAsync(1);
        await Assertions.Expect(visibleRows).ToHaveAttributeAsync("data-kiosk-id", "14-04172");
        await page.Locator("#status-filter").SelectOptionAsync("");
        await Assertions.Expect(visibleRows).ToHaveCountAsync(fleet.Kiosks.Count);

        // A collapsed province keeps its counts and drops its rows.
        var head48 = page.Locator("[data-province=\"48\"] .province-head");
        await head48.ClickAsync();
        await Assertions.Expect(head48).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(page.Locator("[data-province=\"48\"] tr[data-kiosk-id]")).ToHaveCountAsync(0);
        await Assertions.Expect(head48.Locator("[data-count=\"total\"]")).ToHaveTextAsync("2");
        await head48.ClickAsync();
        await Assertions.Expect(page.Locator("[data-province=\"48\"] tr[data-kiosk-id]")).ToHaveCountAsync(2);

        // Live: a kiosk shuts down; counts and its row follow without a reload.
        await page.EvaluateAsync("() => { window.__e2eMarker = 'still-the-same-page'; }");
        await fleet.ShutDownAsync("48-20194-02", ct);
        offline.Add("48-20194-02");
        await Assertions.Expect(page.Locator("[data-kiosk-id=\"48-20194-02\"]")).ToHaveAttributeAsync("data-state", "offline");
        await Assertions.Expect(page.Locator("[data-kiosk-id=\"48-20194-02\"]")).ToContainTextAsync("Ngoại tuyến");
        await ExpectCountsAsync(page, fleet.Kiosks, offline);
        await ExpectSummaryAsync(hub, fleet.Kiosks, offline, ct);
        Assert.Equal("still-the-same-page", await page.EvaluateAsync<string>("() => window.__e2eMarker"));

        await page.Locator("#status-filter").SelectOptionAsync("offline");
        await Assertions.Expect(visibleRows).ToHaveCountAsync(1);
        await page.Locator("#status-filter").SelectOptionAsync("");
        await browser.ScreenshotAsync("fleet-overview");
    }

    /// <summary>Totals, every province's and every commune's counts, computed from the seeded kiosks.</summary>
    private static async Task ExpectCountsAsync(IPage page, IReadOnlyList<SeededKiosk> kiosks, IReadOnlySet<string> offline)
    {
        await ExpectAsync(page.Locator("#totals"), kiosks, offline);
        foreach (var province in kiosks.GroupBy(k => k.Province))
        {
            await ExpectAsync(page.Locator($"[data-province=\"{province.Key}\"] .province-counts"), [.. province], offline);
            foreach (var commune in province.GroupBy(k => k.Commune))
            {
                await ExpectAsync(page.Locator($"[data-province=\"{province.Key}\"] [data-commune=\"{commune.Key}\"] .commune-counts"), [.. commune], offline);
            }
        }
    }

    private static async Task ExpectAsync(ILocator scope, IReadOnlyList<SeededKiosk> kiosks, IReadOnlySet<string> offline)
    {
        foreach (var kind in Kinds)
        {
            await Assertions.Expect(scope.Locator($"[data-count=\"{kind}\"]")).ToHaveTextAsync(Expected(kind, kiosks, offline).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>GET /api/console/summary agrees with the seeded kiosks (and so with the page) at every level.</summary>
    private static async Task ExpectSummaryAsync(HubProcess hub, IReadOnlyList<SeededKiosk> kiosks, IReadOnlySet<string> offline, CancellationToken ct)
    {
        var summary = await ConsoleApi.GetAsync(hub, "/api/console/summary", ct);
        ExpectJson(summary.GetProperty("total"), kiosks, offline);
        var provinces = summary.GetProperty("provinces").EnumerateArray().ToList();
        Assert.Equal(kiosks.Select(k => k.Province).Distinct().Order(StringComparer.Ordinal), provinces.Select(p => p.GetProperty("province").GetString()));
        foreach (var province in provinces)
        {
            var inProvince = kiosks.Where(k => k.Province == province.GetProperty("province").GetString()).ToList();
            ExpectJson(province.GetProperty("counts"), inProvince, offline);
            foreach (var commune in province.GetProperty("communes").EnumerateArray())
            {
                ExpectJson(commune.GetProperty("counts"), [.. inProvince.Where(k => k.Commune == commune.GetProperty("commune").GetString())], offline);
            }
        }
    }

    private static void ExpectJson(System.Text.Json.JsonElement counts, IReadOnlyList<SeededKiosk> kiosks, IReadOnlySet<string> offline)
    {
        foreach (var kind in Kinds)
        {
            Assert.Equal(Expected(kind, kiosks, offline), counts.GetProperty(kind == "session" ? "inSession" : kind).GetInt32());
        }
    }

    private static int Expected(string kind, IReadOnlyList<SeededKiosk> kiosks, IReadOnlySet<string> offline)
    {
        var online = kiosks.Where(k => !offline.Contains(k.Id)).ToList();
        return kind switch
        {
            "total" => kiosks.Count,
            "online" => online.Count,
            "degraded" => online.Count(k => k.Degraded),
            "offline" => kiosks.Count - online.Count,
            _ => online.Count(k => k.SessionId is not null),
        };
    }
}
