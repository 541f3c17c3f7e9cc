using System.Text;
using Microsoft.Extensions.Options;

namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// Delivers the webhook outbox: POSTs each notification's JSON, deletes it on a 2xx answer, and
/// otherwise tries again after a doubling delay (WebhookInitialDelayMs up to WebhookMaxDelayMs)
/// until WebhookMaxAttempts, then keeps it marked failed. Per receiver the notifications go in
/// order: a later one waits while an earlier one is being retried. Runs apart from the evaluator,
/// so a slow receiver never delays an alert.
/// </summary>
public sealed class AlertWebhookDispatcher : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(30);

    private readonly AlertStore _store;
    private readonly AlertOutbox _outbox;
    private readonly AlertOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertWebhookDispatcher> _logger;
    private readonly HttpClient _http;

    public AlertWebhookDispatcher(AlertStore store, AlertOutbox outbox, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertWebhookDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _outbox = outbox;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(_options.WebhookTimeoutSeconds),
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("tcd-hub-alerts/1");
    }

    /// <summary>Sends every notification due now; returns how many were delivered. Also what the tests call.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in _store.WaitingNotifications(500))
        {
            // Per receiver in order: once one waits (not due, or failed now), the later ones wait too.
            if (blocked.Contains(row.Url))
            {
                continue;
            }

            if (row.NextAttemptAtMs > _time.GetUtcNow().ToUnixTimeMilliseconds())
            {
                blocked.Add(row.Url);
                continue;
            }

            var error = await PostAsync(row, cancellationToken);
            if (error is null)
            {
                _store.Delivered(row.Id);
                delivered++;
                continue;
            }

            blocked.Add(row.Url);
            var attempts = row.Attempts + 1;
            var host = Uri.TryCreate(row.Url, UriKind.Absolute, out var uri) ? uri.Authority : "?";
            if (attempts >= _options.WebhookMaxAttempts)
            {
                _store.Retry(row.Id, attempts, row.NextAttemptAtMs, error, failed: true);
                AlertLog.WebhookGaveUp(_logger, host, attempts, error);
                continue;
            }

            var delay = Delay(attempts);
            _store.Retry(row.Id, attempts, _time.GetUtcNow().ToUnixTimeMilliseconds() + delay, error, failed: false);
            AlertLog.WebhookRetry(_logger, host, attempts, error, delay);
        }

        return delivered;
    }

    /// <summary>The wait after the given failed attempt: initial x 2^(attempt-1), at most the maximum.</summary>
    public long Delay(int failedAttempts)
    {
        var exponent = Math.Min(failedAttempts - 1, 30);
        return (long)Math.Min((double)_options.WebhookInitialDelayMs * Math.Pow(2, exponent), _options.WebhookMaxDelayMs);
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled || _options.Webhooks.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
                var next = _store.NextDueMs();
                var wait = next is { } due
                    ? TimeSpan.FromMilliseconds(Math.Clamp(due - _time.GetUtcNow().ToUnixTimeMilliseconds(), 0, (long)IdlePoll.TotalMilliseconds))
                    : IdlePoll;
                if (wait > TimeSpan.Zero)
                {
                    // Woken early by a new notification; the wait itself is wall-clock.
                    await _outbox.Signal.WaitAsync(wait, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                AlertLog.DispatchFailed(_logger, ex);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<string?> PostAsync(WebhookOutboxRow row, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(row.Body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(row.Url, content, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {_options.WebhookTimeoutSeconds} s";
        }
    }
}
