using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using MQTTnet.Server;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Metrics;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Sparkplug;

namespace TiepCongDan.Hub.Api;

/// <summary>/healthz (anonymous) and /metrics (anonymous from loopback, any signed-in user of every province otherwise).</summary>
public static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (HostConnection host, IServiceProvider services) =>
        {
            var server = services.GetService<MqttServer>();
            if (server is not null && !server.IsStarted)
            {
                return Results.Text("embedded MQTT broker not started", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return host.IsConnected
                ? Results.Text("ok")
                : Results.Text("primary host not connected to the MQTT broker", statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();

        app.MapGet("/metrics", async (HttpContext context, HubMetrics metrics, KioskRegistry registry, IServiceProvider services) =>
        {
            var remote = context.Connection.RemoteIpAddress;
            var local = remote is not null && IPAddress.IsLoopback(remote);
            if (!local && context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync(BasicAuthenticationHandler.SchemeName);
                return;
            }

            // Fleet-wide numbers: a user of some provinces only may not read them (loopback scrapers stay anonymous).
            if (context.User.Identity?.IsAuthenticated == true && !context.IsAllProvinces())
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.ContentType = PrometheusWriter.ContentType;
            // The fleet, then the media services that run (the SRT ingest and the bridge are off in a health-only hub).
            var text = new System.Text.StringBuilder(PrometheusWriter.Render(metrics, registry));
            services.GetService<Ingest.IngestMetrics>()?.AppendPrometheus(text);
            services.GetService<Reception.ReceptionMetrics>()?.AppendPrometheus(text);
            Alerts.AlertPrometheus.Append(text, services);
            if (services.GetService<Bridge.BridgeService>() is { } bridge)
            {
                Bridge.BridgePrometheus.Append(text, bridge);
            }

            await context.Response.WriteAsync(text.ToString());
        }).AllowAnonymous();
        return app;
    }
}
