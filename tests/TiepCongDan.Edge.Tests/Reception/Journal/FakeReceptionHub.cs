using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Reception.Journal;

/// <summary>
/// The hub's reception API on a real loopback socket (HttpListener; Edge.Tests has no Kestrel): keeps
/// the first copy of each (session, seq), answers a receipt with the highest seq held without holes
/// (as the hub does), refuses a batch holding an event in
/// <see cref="Refuse"/> with 400, can fail requests with 500 and can go down and up like a link.
/// </summary>
internal sealed class FakeReceptionHub : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();
    private readonly List<ReceptionEvent> _stored = [];
    private readonly Dictionary<string, int> _highest = new(StringComparer.Ordinal);
    private HttpListener? _listener;
    private int _failNext;

    public FakeReceptionHub(bool start = true)
    {
        Port = FreePort.Next();
        if (start)
        {
            Up();
        }
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>Every request's batch as it arrived (refused ones too).</summary>
    public ConcurrentQueue<ReceptionEventBatch> Batches { get; } = new();

    public ConcurrentQueue<string> RawBodies { get; } = new();

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    /// <summary>Events that make the hub refuse the whole batch holding them (400 with {"error"}).</summary>
    public ConcurrentDictionary<(string SessionId, int Seq), bool> Refuse { get; } = new();

    /// <summary>When set, answers instead of the normal hub: (status, body), or null for the normal answer.</summary>
    public Func<ReceptionEventBatch, (int Status, string Body)?>? Override { get; set; }

    public IReadOnlyList<ReceptionEvent> Stored
    {
        get
        {
            lock (_gate)
            {
                return [.. _stored];
            }
        }
    }

    /// <summary>When set, every request is answered with this status and a plain body (e.g. 404 of a hub without the API).</summary>
    public int? AnswerAll { get; set; }

    /// <summary>The next <paramref name="count"/> requests are answered 500.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    /// <summary>Holds these events already, as after a resend the kiosk did not hear the receipt of.</summary>
    public void Hold(IEnumerable<ReceptionEvent> events)
    {
        lock (_gate)
        {
            foreach (var e in events)
            {
                Keep(e);
            }
        }
    }

    public void Up()
    {
        var listener = new HttpListener();
        listener.Prefixes.Add(BaseUri.ToString());
        listener.Start();
        _listener = listener;
        _ = Task.Run(() => ServeAsync(listener));
    }

    /// <summary>Closes the socket: the kiosk's connections are refused, like a cut link.</summary>
    public void Down()
    {
        var listener = Interlocked.Exchange(ref _listener, null);
        listener?.Abort();
    }

    public void Dispose() => Down();

    private async Task ServeAsync(HttpListener listener)
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await HandleAsync(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
            {
                // The kiosk gave up on this request (timeout or shutdown): nothing to answer.
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        Authorizations.Enqueue(context.Request.Headers["Authorization"]);
        if (context.Request.HttpMethod != "POST" || context.Request.Url?.AbsolutePath != ReceptionProtocol.EventsPath)
        {
            await AnswerAsync(context, 404, """{"error":"not found"}""");
            return;
        }

        RawBodies.Enqueue(body);
        var batch = JsonSerializer.Deserialize<ReceptionEventBatch>(body, Json)!;
        Batches.Enqueue(batch);
        var (status, answer) = AnswerAll is { } all ? (all, "no such API") : Override?.Invoke(batch) ?? Normal(batch);
        await AnswerAsync(context, status, answer);
    }

    private (int Status, string Body) Normal(ReceptionEventBatch batch)
    {
        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            return (500, """{"error":"database unavailable"}""");
        }

        if (batch.Events.FirstOrDefault(e => Refuse.ContainsKey((e.SessionId, e.Seq))) is { } bad)
        {
            return (400, JsonSerializer.Serialize(new { error = $"event {bad.SessionId}/{bad.Seq}: unknown case kind" }));
        }

        lock (_gate)
        {
            var accepted = batch.Events.Count(Keep);
            var receipt = new ReceptionEventReceipt(accepted, batch.Events.Count - accepted,
                batch.Events.Select(e => e.SessionId).Distinct().ToDictionary(s => s, s => _highest[s]));
            return (200, JsonSerializer.Serialize(receipt, Json));
        }
    }

    private bool Keep(ReceptionEvent reception)
    {
        if (_stored.Any(e => e.SessionId == reception.SessionId && e.Seq == reception.Seq))
        {
            return false;
        }

        _stored.Add(reception);
        // Like the real hub: the highest seq held with every seq below it held too.
        var contiguous = _highest.GetValueOrDefault(reception.SessionId);
        while (_stored.Any(e => e.SessionId == reception.SessionId && e.Seq == contiguous + 1))
        {
            contiguous++;
        }

        _highest[reception.SessionId] = contiguous;
        return true;
    }

    private static async Task AnswerAsync(HttpListenerContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
