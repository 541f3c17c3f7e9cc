using System.Net;

namespace TiepCongDan.Hub.Tests.Access;

/// <summary>How a route is expected to treat a user of province 14 only.</summary>
public enum RouteAccess
{
    /// <summary>One kiosk, session or alert: own province 2xx (or <see cref="RouteRow.OwnStatuses"/>), another province's 404 (or <see cref="RouteRow.ForeignStatus"/>).</summary>
    Scoped,

    /// <summary>A list: the own province's item is in it, the other province's is not (the fleet admin sees both).</summary>
    Filtered,

    /// <summary>Fleet-wide: a province user gets 403, the admin of every province 2xx.</summary>
    Fleet,

    /// <summary>Holds no province's data (a page shell, the rules' settings): a province user of the role gets 2xx.</summary>
    Unscoped,

    /// <summary>Kiosks' own API (kiosk credentials): an operator's credentials are refused.</summary>
    Kiosk,

    /// <summary>Open to anyone (health, login, scripts, styles): <see cref="RouteRow.AnonymousStatus"/> without credentials.</summary>
    Anonymous,
}

/// <summary>
/// One row of the route table: the route as the app maps it ("GET /api/devices/{id}"), what it
/// should do for a province-14 user of <see cref="Role"/> (the least role it needs), and how to
/// call it. Paths use the seeded placeholders of <see cref="AccessWorld.Fill"/>: {k14}, {k15}
/// (kiosks), {s14}, {s15} (archived sessions), {r14}, {r15} (register sessions), {a14}, {a15}
/// (alerts), {l14}, {l15} (live sessions), {g14}, {g15} (kiosk registrations), {new14}, {new15} (unused kiosk ids);
/// a new kind of object is seeded in <see cref="AccessWorld"/> (SeedProvinceAsync) under a new placeholder.
/// </summary>
public sealed record RouteRow(string Method, string Pattern, RouteAccess Access, string Role = "viewer")
{
    public string Key => $"{Method} {Pattern}";

    /// <summary>The path for the user's own province (Scoped, Filtered, Fleet, Unscoped, Kiosk, Anonymous).</summary>
    public string? Own { get; init; }

    /// <summary>The same route for province 15's object (Scoped).</summary>
    public string? Foreign { get; init; }

    /// <summary>JSON body for POST and PUT (a Dictionary&lt;string, string&gt; is sent as a form).</summary>
    public object? Body { get; init; }

    /// <summary>The body for the other province's call when it differs.</summary>
    public object? ForeignBody { get; init; }

    /// <summary>Text that marks the own province's item in a Filtered list, and the other province's.</summary>
    public string? OwnMarker { get; init; }

    public string? ForeignMarker { get; init; }

    /// <summary>The answer is a Server-Sent Events stream: the first event is checked.</summary>
    public bool EventStream { get; init; }

    /// <summary>A response that starts streaming and does not end (live video): headers only, and the call may time out.</summary>
    public bool Endless { get; init; }

    /// <summary>Accepted answers on the own province's object besides 2xx (e.g. 409 for an offline kiosk): past the scope check, refused for another reason.</summary>
    public HttpStatusCode[] OwnStatuses { get; init; } = [];

    /// <summary>Text the own province's answer must hold: tells an accepted 404 ("no file for this command") from the other province's.</summary>
    public string? OwnBodyContains { get; init; }

    public HttpStatusCode ForeignStatus { get; init; } = HttpStatusCode.NotFound;

    public HttpStatusCode AnonymousStatus { get; init; } = HttpStatusCode.OK;

    /// <summary>Why the route is Unscoped (required for those rows).</summary>
    public string? Reason { get; init; }

    public override string ToString() => Key;
}
