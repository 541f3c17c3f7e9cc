using System.Globalization;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Auth;

namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// /api/alerts: active alerts (any signed-in user), history, one alert, the effective rules, and
/// acknowledgement (operator or admin). Every read and the acknowledgement go through
/// <see cref="IAlertScope"/>: an alert of a province the user may not see does not exist for them.
/// </summary>
public static class AlertEndpoints
{
    private const int MaxCommentLength = 1000;
    private static readonly string[] States = [AlertState.Active, AlertState.Open, AlertState.Acknowledged, AlertState.Closed, "all"];

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alerts").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/", (HttpContext context, string? province, string? kiosk, string? rule, string? state, int? limit, AlertStore store, IAlertScope scope) =>
            List(context, store, scope, province, kiosk, rule, state ?? AlertState.Active, null, null, limit));
        group.MapGet("/history", (HttpContext context, string? province, string? kiosk, string? rule, string? state, string? from, string? to, int? limit,
            AlertStore store, IAlertScope scope) =>
        {
            DateTimeOffset? start = null, end = null;
            if (from is not null)
            {
                if (!TryTime(from, out var f))
                {
                    return Results.BadRequest(new { error = $"'from' must be an ISO 8601 time, got '{from}'." });
                }

                start = f;
            }

            if (to is not null)
            {
                if (!TryTime(to, out var t))
                {
                    return Results.BadRequest(new { error = $"'to' must be an ISO 8601 time, got '{to}'." });
                }

                end = t;
            }

            return List(context, store, scope, province, kiosk, rule, state ?? "all", start, end, limit);
        });
        // The effective settings of every rule, for one province (its overrides applied) or the fleet.
        group.MapGet("/rules", (string? province, AlertEngine engine) =>
            Results.Ok(AlertRuleIds.All.Select(r => engine.Settings(province ?? string.Empty, r))));
        group.MapGet("/{id:long}", (long id, HttpContext context, AlertStore store, IAlertScope scope) =>
        {
            var row = store.Get(id);
            var allowed = scope.AllowedProvinces(context.User);
            return row is not null && (allowed is null || allowed.Contains(row.Province))
                ? Results.Ok(AlertDto.From(row))
                : Results.NotFound(new { error = $"Alert {id} does not exist." });
        });
        group.MapPost("/{id:long}/ack", (long id, AlertAckRequest? request, HttpContext context, AlertEngine engine, IAlertScope scope) =>
        {
            var comment = request?.Comment?.Trim();
            if (string.IsNullOrEmpty(comment) || comment.Length > MaxCommentLength)
            {
                return Results.BadRequest(new { error = $"An acknowledgement needs a comment of 1 to {MaxCommentLength} characters: what was done or will be done." });
            }

            var user = context.User.Identity?.Name ?? "?";
            var (outcome, row) = engine.Acknowledge(id, user, comment, scope.AllowedProvinces(context.User));
            if (row is not null)
            {
                // Refusals of an alert the user may not see are not recorded: for them it does not exist.
                context.Audit(AuditActions.AlertAcknowledge, $"alert {id} {row.KioskId} {row.Rule}", row.Province,
                    outcome == AckOutcome.Acknowledged ? AuditOutcomes.Ok : AuditOutcomes.Refused, outcome == AckOutcome.Acknowledged ? comment : outcome.ToString());
            }
            return outcome switch
            {
                AckOutcome.Acknowledged => Results.Ok(AlertDto.From(row!)),
                AckOutcome.AlreadyAcknowledged => Results.Conflict(new { error = $"Alert {id} was already acknowledged by {row!.AcknowledgedBy}.", alert = AlertDto.From(row) }),
                AckOutcome.Closed => Results.Conflict(new { error = $"Alert {id} is closed.", alert = AlertDto.From(row!) }),
                _ => Results.NotFound(new { error = $"Alert {id} does not exist." }),
            };
        }).RequireAuthorization(Policies.OperatorOrAdmin);
        return app;
    }

    private static IResult List(HttpContext context, AlertStore store, IAlertScope scope, string? province, string? kiosk, string? rule, string state,
        DateTimeOffset? from, DateTimeOffset? to, int? limit)
    {
        if (!States.Contains(state, StringComparer.Ordinal))
        {
            return Results.BadRequest(new { error = $"'state' must be one of {string.Join(", ", States)}, got '{state}'." });
        }

        if (rule is not null && !AlertRuleIds.IsKnown(rule))
        {
            return Results.BadRequest(new { error = $"Unknown rule '{rule}'.", allowed = AlertRuleIds.All });
        }

        var query = new AlertQuery(scope.AllowedProvinces(context.User), province, kiosk, rule, state, from, to, limit ?? 1000);
        return Results.Ok(store.Query(query).Select(AlertDto.From));
    }

    private static bool TryTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
}
