using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TiepCongDan.Hub.Alerts;

/// <summary>Builds the outbox rows of one alert change: one per configured webhook that wants the alert's province.</summary>
public sealed class AlertOutbox : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly AlertOptions _options;
    private readonly TimeProvider _time;
    private readonly string _hubId;
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public AlertOutbox(IOptions<AlertOptions> options, TimeProvider time, string hubId)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _hubId = hubId;
    }

    /// <summary>Released whenever rows were built, so the dispatcher wakes at once instead of at its next poll.</summary>
    public SemaphoreSlim Signal => _signal;

    public void Dispose() => _signal.Dispose();

    public Func<AlertRow, IEnumerable<WebhookOutboxRow>> For(string notificationEvent) => row => Build(notificationEvent, row);

    private List<WebhookOutboxRow> Build(string notificationEvent, AlertRow row)
    {
        var now = _time.GetUtcNow();
        var body = JsonSerializer.Serialize(
            new AlertNotification(notificationEvent, now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture), _hubId, AlertDto.From(row)),
            Json);
        var rows = _options.Webhooks.Where(w => w.Wants(row.Province))
            .Select(w => new WebhookOutboxRow { Url = w.Url, Body = body, AlertId = row.Id, NextAttemptAtMs = now.ToUnixTimeMilliseconds() })
            .ToList();
        if (rows.Count > 0 && _signal.CurrentCount < 1000)
        {
            _signal.Release();
        }

        return rows;
    }
}
