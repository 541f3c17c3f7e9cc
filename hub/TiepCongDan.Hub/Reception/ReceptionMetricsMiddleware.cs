using System.Text;

namespace TiepCongDan.Hub.Reception;

/// <summary>
/// Appends the register's series to the hub's /metrics answer. Stop-gap: the /metrics endpoint
/// (Api/OperationsEndpoints) appends the ingest's and the bridge's series itself; once it calls
/// <see cref="ReceptionMetrics.AppendPrometheus"/> too, this middleware goes.
/// </summary>
internal sealed class ReceptionMetricsMiddleware(RequestDelegate next, ReceptionMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path != "/metrics")
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            var text = new StringBuilder();
            metrics.AppendPrometheus(text);
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            buffer.Write(bytes);
        }

        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }
}
