using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TiepCongDan.Hub.Tests.Access;

/// <summary>
/// Province scoping over every route the hub maps (<see cref="RouteTable"/>): a province-14 user
/// gets their own province's kiosk, session or alert, a 404 for province 15's, lists without
/// province 15, a 403 on fleet-wide routes and on actions above their role.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class RouteScopingTests(AccessWorld world)
{
    public static TheoryData<string> Keys() => [.. RouteTable.Rows.Select(r => r.Key)];

    [Fact]
    public void Every_route_of_the_app_has_a_row()
    {
        var mapped = world.Hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);
        var rows = RouteTable.Rows.Select(r => r.Key).ToList();

        Assert.Equal(rows.Count, rows.Distinct(StringComparer.Ordinal).Count());
        var missing = mapped.Except(rows, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Routes without a row in Access/RouteTable.cs (add one saying how the route is scoped):\n" + string.Join("\n", missing));
        var stale = rows.Except(mapped, StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "Rows of routes the app no longer maps:\n" + string.Join("\n", stale));
        Assert.All(RouteTable.Rows.Where(r => r.Access == RouteAccess.Unscoped), r => Assert.False(string.IsNullOrEmpty(r.Reason), r.Key + " needs a reason"));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_province_14_user_sees_only_province_14(string key)
    {
        var row = RouteTable.Rows.Single(r => r.Key == key);
        var own = row.Own ?? throw new InvalidOperationException(key + " has no path");
        switch (row.Access)
        {
            case RouteAccess.Scoped:
                await ExpectOwnAsync(row, world.For(row.Role), own);
                var foreign = await CallAsync(row, world.For(row.Role), row.Foreign!, row.ForeignBody ?? row.Body);
                Assert.True(foreign.Status == row.ForeignStatus, $"{key}: province 14's {row.Role} on province 15 got {(int)foreign.Status}, expected {(int)row.ForeignStatus}: {foreign.Body}");
                break;
            case RouteAccess.Filtered:
                var mine = await ExpectOwnAsync(row, world.For(row.Role), own);
                if (row.OwnMarker is not null)
                {
                    var everyone = await CallAsync(row, world.FleetAdmin, own, row.Body);
                    Assert.Contains(world.Fill(row.OwnMarker), everyone.Body, StringComparison.Ordinal);
                    Assert.Contains(world.Fill(row.ForeignMarker!), everyone.Body, StringComparison.Ordinal);
                    Assert.Contains(world.Fill(row.OwnMarker), mine, StringComparison.Ordinal);
                    Assert.DoesNotContain(world.Fill(row.ForeignMarker!), mine, StringComparison.Ordinal);
                }

                break;
            case RouteAccess.Fleet:
                var refused = await CallAsync(row, world.For(row.Role), own, row.Body);
                Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{key}: province 14's {row.Role} got {(int)refused.Status}, expected 403");
                var fleet = await CallAsync(row, world.FleetAdmin, own, row.Body);
                Assert.True(fleet.Status is { } ok && (int)ok is >= 200 and < 300, $"{key}: the admin of every province got {(int)fleet.Status}: {fleet.Body}");
                break;
            case RouteAccess.Unscoped:
                await ExpectOwnAsync(row, world.For(row.Role), own);
                break;
            case RouteAccess.Kiosk:
                var asOperator = await CallAsync(row, world.Operator14, own, row.Body);
                Assert.True(asOperator.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{key}: an operator got {(int)asOperator.Status} on a kiosk route");
                break;
            case RouteAccess.Anonymous:
                var anonymous = await CallAsync(row, world.Anonymous, own, row.Body);
                Assert.Equal(row.AnonymousStatus, anonymous.Status);
                break;
            default:
                throw new InvalidOperationException(row.Access.ToString());
        }
    }

    /// <summary>The user of the row's role passes; lesser roles of the same province get 403.</summary>
    private async Task<string> ExpectOwnAsync(RouteRow row, HttpClient client, string path)
    {
        var lesser = row.Role switch
        {
            "operator" => new[] { world.Viewer14 },
            "admin" => [world.Viewer14, world.Operator14],
            _ => [],
        };
        foreach (var weaker in lesser)
        {
            var refused = await CallAsync(row, weaker, path, row.Body);
            Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{row.Key}: a lesser role than {row.Role} got {(int)refused.Status}, expected 403");
        }

        var own = await CallAsync(row, client, path, row.Body);
        Assert.True(own.Status is null || (int)own.Status is >= 200 and < 300 || row.OwnStatuses.Contains(own.Status.Value),
            $"{row.Key}: province 14's {row.Role} on province 14 got {(int?)own.Status}: {own.Body}");
        if (row.OwnBodyContains is not null)
        {
            Assert.Contains(world.Fill(row.OwnBodyContains), own.Body, StringComparison.Ordinal);
        }

        return own.Body;
    }

    /// <summary>Calls the route; Status null = an endless stream that answered nothing within 3 s (it got past every check).</summary>
    private async Task<(HttpStatusCode? Status, string Body)> CallAsync(RouteRow row, HttpClient client, string path, object? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), world.Fill(path).TrimStart('/'));
        request.Content = body switch
        {
            null => null,
            Dictionary<string, string> form => new FormUrlEncodedContent(form),
            _ => JsonContent.Create(body),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(row.Endless || row.EventStream ? 3 : 60));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode || !(row.EventStream || row.Endless))
            {
                return (response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
            }

            return (response.StatusCode, row.EventStream ? await FirstEventAsync(response, timeout.Token) : string.Empty);
        }
        catch (OperationCanceledException) when (row.Endless && timeout.IsCancellationRequested)
        {
            return (null, string.Empty);
        }
    }

    private static async Task<string> FirstEventAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line;
            }
        }

        return string.Empty;
    }
}
