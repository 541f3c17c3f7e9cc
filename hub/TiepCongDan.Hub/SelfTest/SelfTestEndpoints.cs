using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Media;

namespace TiepCongDan.Hub.SelfTest;

/// <summary>
/// Kiosks (HTTP Basic with the MQTT password): POST the self-test report, and the ping, upload and
/// download the self-test times (<see cref="SelfTestProtocol"/>). Operators: GET
/// /api/devices/{id}/selftest (the latest report) and GET /api/selftest[?failed=true] (every kiosk's
/// latest verdict, for the operations console's "self-test failed" alert).
/// </summary>
public static class SelfTestEndpoints
{
    private static readonly byte[] Filler = RandomBlock();

    public static IEndpointRouteBuilder MapSelfTestEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var marker = app.ServiceProvider.GetService<SelfTestEndpointsMarker>()
            ?? throw new InvalidOperationException("Call services.AddSelfTestReports() before MapSelfTestEndpoints().");
        if (!marker.TryMark())
        {
            return app;
        }

        var kiosk = app.MapGroup(SelfTestProtocol.KioskBasePath).RequireAuthorization(KioskAuthenticationHandler.PolicyName);
        kiosk.MapPost("/report", ReceiveAsync);
        kiosk.MapGet("/ping", (TimeProvider time) => Results.Ok(new { serverUnixMs = time.GetUtcNow().ToUnixTimeMilliseconds() }));
        kiosk.MapPost("/upload", UploadAsync);
        kiosk.MapGet("/download", Download);
        app.MapGet("/api/devices/{id}/selftest", (string id, HttpContext context, SelfTestStore store) =>
            !KioskId.IsValid(id) ? Error(StatusCodes.Status400BadRequest, $"'{id}' is not a kiosk id.")
            : store.Latest(id) is { } row && context.MaySeeKiosk(id) ? Results.Ok(SelfTestStore.View(row, withReport: true))
            : Error(StatusCodes.Status404NotFound, $"Kiosk {id} has sent no self-test report."))
            .RequireAuthorization(Policies.AnyUser);
        app.MapGet("/api/selftest", (bool? failed, HttpContext context, SelfTestStore store) =>
            Results.Ok(store.All(failed ?? false).Where(r => context.MaySeeKiosk(r.KioskId)).Select(r => SelfTestStore.View(r, withReport: false))))
            .RequireAuthorization(Policies.AnyUser);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, SelfTestStore store, ILoggerFactory loggers)
    {
        var kioskId = context.User.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("The kiosk policy let an unnamed principal through.");
        var logger = loggers.CreateLogger(typeof(SelfTestEndpoints));
        if (context.Request.ContentLength is > SelfTestProtocol.MaxReportBytes)
        {
            return Refuse(logger, kioskId, StatusCodes.Status413PayloadTooLarge, $"A report is at most {SelfTestProtocol.MaxReportBytes} bytes.");
        }

        SelfTestReport? report;
        try
        {
            using var limited = new MemoryStream();
            var read = await CopyAsync(context.Request.Body, limited, SelfTestProtocol.MaxReportBytes, context.RequestAborted);
            if (read < 0)
            {
                return Refuse(logger, kioskId, StatusCodes.Status413PayloadTooLarge, $"A report is at most {SelfTestProtocol.MaxReportBytes} bytes.");
            }

            limited.Position = 0;
            report = await JsonSerializer.DeserializeAsync<SelfTestReport>(limited, SelfTestJson.Options, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Refuse(logger, kioskId, StatusCodes.Status400BadRequest, "The body is not a JSON SelfTestReport: " + ex.Message);
        }

        if (SelfTestReportValidator.Problem(report, kioskId) is { } problem)
        {
            return Refuse(logger, kioskId, report?.KioskId is { } named && named != kioskId ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest, problem);
        }

        var row = store.Save(report!);
        SelfTestLog.Stored(logger, kioskId, row.Passed ? "passed" : "FAILED", row.FailedChecks);
        return Results.Ok(new { stored = true, passed = row.Passed, failedChecks = report!.FailedIds() });
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var read = await CopyAsync(request.Body, Stream.Null, SelfTestProtocol.MaxTransferBytes, cancellationToken);
        return read < 0
            ? Error(StatusCodes.Status413PayloadTooLarge, $"At most {SelfTestProtocol.MaxTransferBytes} bytes.")
            : Results.Ok(new { bytes = read });
    }

    private static IResult Download(int? bytes)
    {
        if (bytes is not { } count || count < 1 || count > SelfTestProtocol.MaxTransferBytes)
        {
            return Error(StatusCodes.Status400BadRequest, $"'bytes' must be between 1 and {SelfTestProtocol.MaxTransferBytes}.");
        }

        return Results.Stream(async body =>
        {
            var left = count;
            while (left > 0)
            {
                var n = Math.Min(left, Filler.Length);
                await body.WriteAsync(Filler.AsMemory(0, n));
                left -= n;
            }
        }, "application/octet-stream");
    }

    /// <summary>Copies at most <paramref name="max"/> bytes; -1 when the body is longer.</summary>
    private static async Task<long> CopyAsync(Stream from, Stream to, long max, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            int n;
            while ((n = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += n;
                if (total > max)
                {
                    return -1;
                }

                await to.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult Refuse(ILogger logger, string kioskId, int status, string reason)
    {
        SelfTestLog.Refused(logger, kioskId, status, reason);
        return Error(status, reason);
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);

    private static byte[] RandomBlock()
    {
        var block = new byte[64 * 1024];
        Random.Shared.NextBytes(block);
        return block;
    }
}
