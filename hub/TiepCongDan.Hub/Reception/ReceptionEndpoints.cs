using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Archive;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Media;

namespace TiepCongDan.Hub.Reception;

/// <summary>
/// POST <see cref="ReceptionProtocol.EventsPath"/> (kiosks, Basic with the MQTT password) and the
/// register for officials: GET /api/reception/sessions (any signed-in user) and /{id} (the full
/// citizen for operators and admins only, each such read audited); only the sessions of the user's provinces.
/// </summary>
public static class ReceptionEndpoints
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapReceptionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(ReceptionProtocol.EventsPath, ReceiveAsync).RequireAuthorization(KioskAuthenticationHandler.PolicyName);
        var group = app.MapGroup("/api/reception/sessions").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/", List);
        group.MapGet("/{id}", Detail);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, ReceptionRegister register, ReceptionArchiveLink link, ILoggerFactory loggers)
    {
        var kioskId = context.User.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("The kiosk policy let an unnamed principal through.");
        var logger = loggers.CreateLogger(typeof(ReceptionEndpoints));
        try
        {
            ReceptionEventBatch? batch;
            try
            {
                batch = await context.Request.ReadFromJsonAsync<ReceptionEventBatch>(context.RequestAborted);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // The parser's message may quote the body, which may hold a citizen: not repeated.
                throw new ReceptionRequestException("The body must be a JSON ReceptionEventBatch {\"events\": [...]} with camelCase fields.", ex);
            }

            var receipt = register.Append(kioskId, batch!);
            if (receipt.Accepted > 0)
            {
                // Usually the media is not there yet; when it is, the archive gets the case kind now, not at the next pass.
                link.Kick();
            }

            return Results.Ok(receipt);
        }
        catch (ReceptionRequestException ex)
        {
            ReceptionLog.EventsRefused(logger, kioskId, ex.StatusCode, ex.Message);
            return Error(ex.StatusCode, ex.Message);
        }
    }

    private static IResult List(string? kiosk, string? from, string? to, int? limit, HttpContext context, ReceptionRegister register, SessionArchive archive, MediaArchiveStore media)
    {
        if (!TryParseBound(from, endOfDay: false, out var start) || !TryParseBound(to, endOfDay: true, out var end))
        {
            return Error(StatusCodes.Status400BadRequest, "'from' and 'to' must be dates (2026-11-23, a Vietnamese day) or ISO 8601 times.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Error(StatusCodes.Status400BadRequest, $"'limit' must be between 1 and {MaxLimit}.");
        }

        // A user of some provinces: read up to the maximum, keep theirs, then cut to the limit (a list, not a count).
        var allowed = context.AllowedProvinces();
        var rows = register.List(kiosk, start?.ToUnixTimeMilliseconds(), end?.ToUnixTimeMilliseconds(), allowed is null ? limit ?? DefaultLimit : MaxLimit);
        return Results.Ok(rows.Where(r => allowed.Allows(r.Province)).Take(limit ?? DefaultLimit).Select(r => Summary(r, register.Citizen(r), archive, media)).ToList());
    }

    private static IResult Detail(string id, HttpContext context, ReceptionRegister register, SessionArchive archive, MediaArchiveStore media)
    {
        if (!MediaSessionId.IsValid(id))
        {
            return Error(StatusCodes.Status400BadRequest, $"'{id}' is not a session id.");
        }

        if (register.Find(id) is not { } row || !context.MaySeeProvince(row.Province))
        {
            return Error(StatusCodes.Status404NotFound, $"The register holds no session {id}.");
        }

        var full = context.User.IsInRole(Roles.Operator) || context.User.IsInRole(Roles.Admin);
        var citizen = register.Citizen(row);
        if (full && citizen is not null)
        {
            register.RecordCitizenRead(context.User.Identity?.Name ?? "?", id);
        }

        return Results.Ok(new ReceptionSessionDetailDto(Summary(row, citizen, archive, media))
        {
            Citizen = citizen is null ? null : full
                ? new ReceptionCitizenDto(citizen.IdNumber, citizen.FullName, citizen.DateOfBirth, citizen.Sex, citizen.PlaceOfResidence, citizen.Authenticity, citizen.Source, true)
                : new ReceptionCitizenDto(citizen.MaskedIdNumber, citizen.FullName, null, null, null, citizen.Authenticity, citizen.Source, false),
            Events = [.. register.Events(id).Select(e => new ReceptionEventDto(e.Seq, Time(e.AtMs)!, e.From, e.To, e.Trigger, e.Outcome, e.Detail))],
        });
    }

    private static ReceptionSessionDto Summary(ReceptionSessionRow r, ReceptionCitizen? citizen, SessionArchive archive, MediaArchiveStore media)
    {
        var hasMedia = media.FindSession(r.Id) is not null;
        return new ReceptionSessionDto
        {
            SessionId = r.Id,
            KioskId = r.KioskId,
            Commune = r.Commune,
            Province = r.Province,
            Staff = Empty(r.Staff),
            CitizenName = citizen?.FullName,
            CitizenIdMasked = citizen?.MaskedIdNumber,
            CaseKind = Empty(r.CaseKind),
            CaseKindName = CaseKinds.VietnameseName(Empty(r.CaseKind)),
            State = r.State,
            StateName = ReceptionVocabulary.StateName(r.State),
            Outcome = Empty(r.Outcome),
            Rating = Empty(r.Rating),
            RatingName = SessionRatings.VietnameseName(Empty(r.Rating)),
            StartedAt = Time(r.StartedAtMs)!,
            LiveAt = Time(r.LiveAtMs),
            EndedAt = Time(r.EndedAtMs),
            CardToLiveMs = r.CardToLiveMs,
            ButtonToLiveMs = r.ButtonToLiveMs,
            ArchiveReference = hasMedia ? r.Id : null,
            ArchiveSealed = hasMedia && archive.Catalog.Find(r.Id) is { ManifestVersion: > 0 },
            EventCount = r.EventCount,
            CitizenWiped = r.CitizenWipedAtMs is not null,
        };
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private static string? Time(long? ms) => ms is { } value ? ManifestJson.Time(DateTimeOffset.FromUnixTimeMilliseconds(value)) : null;

    private static bool TryParseBound(string? text, bool endOfDay, out DateTimeOffset? bound)
    {
        bound = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // A day is a Vietnamese calendar day (UTC+7), as the person searching means it.
            var local = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
            bound = endOfDay ? local.AddDays(1).AddMilliseconds(-1) : local;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            bound = parsed;
            return true;
        }

        return false;
    }

    private static IResult Error(int statusCode, string message) => Results.Json(new { error = message }, statusCode: statusCode);
}
