using System.Net;
using System.Text.Json;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>The hub's reception register as an operator reads it (the hub fixture's admin over HTTP Basic).</summary>
public sealed class HubReceptionClient(HubProcess hub)
{
    /// <summary>GET /api/reception/sessions/{id}; null while the hub does not know the session (404).</summary>
    public async Task<ReceptionRecord?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        using var response = await hub.Http.GetAsync($"api/reception/sessions/{Uri.EscapeDataString(sessionId)}", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/reception/sessions/{sessionId} answered {(int)response.StatusCode}: {body}\n{hub.Describe()}");
        }

        return ReceptionRecord.Parse(body);
    }

    /// <summary>GET /api/reception/sessions?kiosk=&amp;limit=.</summary>
    public async Task<IReadOnlyList<ReceptionRecord>> ListAsync(string kioskId, int limit = 100, CancellationToken cancellationToken = default)
    {
        using var response = await hub.Http.GetAsync($"api/reception/sessions?kiosk={Uri.EscapeDataString(kioskId)}&limit={limit}", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/reception/sessions?kiosk={kioskId} answered {(int)response.StatusCode}: {body}\n{hub.Describe()}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? [.. document.RootElement.EnumerateArray().Select(ReceptionRecord.Parse)]
            : throw new InvalidOperationException($"GET /api/reception/sessions did not answer an array: {body}");
    }

    /// <summary>Polls the session's record until <paramref name="predicate"/> holds; the timeout prints the last record and the diagnostics.</summary>
    public async Task<ReceptionRecord> WaitAsync(string sessionId, Func<ReceptionRecord, bool> predicate, TimeSpan timeout, string waitingFor,
        Func<string> diagnostics, CancellationToken cancellationToken = default) =>
        (await Poll.UntilAsync(
            ct => GetAsync(sessionId, ct),
            record => record is not null && predicate(record),
            timeout,
            $"the hub's register: session {sessionId} {waitingFor}",
            diagnostics,
            TimeSpan.FromMilliseconds(250),
            cancellationToken))!;

    /// <summary>GET /api/sessions/{id} of the media archive; null on 404 (no media session).</summary>
    public async Task<JsonElement?> ArchiveSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        using var response = await hub.Http.GetAsync($"api/sessions/{Uri.EscapeDataString(sessionId)}", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/sessions/{sessionId} answered {(int)response.StatusCode}: {body}\n{hub.Describe()}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>GET /api/sessions?kiosk=: the media archive's sessions of a kiosk (their ids).</summary>
    public async Task<IReadOnlyList<string>> ArchiveSessionIdsAsync(string kioskId, CancellationToken cancellationToken = default)
    {
        var body = await hub.Http.GetStringAsync($"api/sessions?kiosk={Uri.EscapeDataString(kioskId)}", cancellationToken);
        using var document = JsonDocument.Parse(body);
        return [.. document.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
    }
}
