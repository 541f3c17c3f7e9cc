using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Screen;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Screen;

/// <summary>The loopback page server: its page, its state, its event stream and what it refuses.</summary>
public sealed class KioskScreenServer_Tests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly KioskScreenServer _server;
    private readonly HttpClient _http = new() { Timeout = Patience };

    public KioskScreenServer_Tests()
    {
        _server = new KioskScreenServer(Microsoft.Extensions.Options.Options.Create(new EdgeScreenOptions { Port = FreePort.Next() }));
        // Starting binds the listener synchronously; the returned task is already complete.
        _server.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task The_page_script_and_style_come_from_the_binary_in_Vietnamese_with_no_outside_source()
    {
        var page = await _http.GetAsync(_server.Address);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Tiếp công dân trực tuyến</title>", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", string.Join(';', page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        foreach (var (path, type) in new[] { ("screen.js", "text/javascript"), ("screen.css", "text/css") })
        {
            var response = await _http.GetAsync(new Uri(_server.Address, path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@import", text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(new Uri(_server.Address, "nothing-here"))).StatusCode);
    }

    [Fact]
    public async Task The_state_endpoint_answers_idle_at_first_and_what_was_shown_afterwards()
    {
        using var idle = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_server.Address, "api/screen/state")));
        Assert.Equal("Idle", idle.RootElement.GetProperty("state").GetString());
        Assert.Equal("Xin mời đặt thẻ căn cước lên đầu đọc", idle.RootElement.GetProperty("instruction").GetString());

        _server.Show(KioskScreenState.For(ReceptionState.Identified) with { CitizenName = "Trần Văn Bình" });
        using var identified = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_server.Address, "api/screen/state")));
        Assert.Equal("Identified", identified.RootElement.GetProperty("state").GetString());
        Assert.Equal("Trần Văn Bình", identified.RootElement.GetProperty("citizenName").GetString());
    }

    [Fact]
    public async Task The_event_stream_sends_the_current_state_then_one_event_per_change()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Address, "api/screen/events"));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);

        using var first = JsonDocument.Parse(await NextStateEventAsync(reader));
        Assert.Equal("Idle", first.RootElement.GetProperty("state").GetString());

        _server.Show(KioskScreenState.For(ReceptionState.Connecting));
        using var second = JsonDocument.Parse(await NextStateEventAsync(reader));
        Assert.Equal("Connecting", second.RootElement.GetProperty("state").GetString());
        Assert.Equal("Đang kết nối với cán bộ tiếp công dân", second.RootElement.GetProperty("instruction").GetString());

        _server.Show(KioskScreenState.For(ReceptionState.Live, KioskScreenLanguages.English));
        using var third = JsonDocument.Parse(await NextStateEventAsync(reader));
        Assert.Equal("Live", third.RootElement.GetProperty("state").GetString());
        Assert.Equal("en", third.RootElement.GetProperty("language").GetString());
    }

    [Fact]
    public async Task A_state_that_must_not_be_shown_is_refused_and_the_page_keeps_the_last_one()
    {
        var ex = Assert.Throws<ArgumentException>(() => _server.Show(KioskScreenState.For(ReceptionState.Identified) with { CitizenName = "001099012345" }));
        Assert.DoesNotContain("001099012345", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ReceptionState.Idle, _server.Current.State);
        Assert.DoesNotContain("001099012345", await _http.GetStringAsync(new Uri(_server.Address, "api/screen/state")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_host_name_is_refused_so_a_rebinding_web_page_cannot_read_the_screen()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Address, "api/screen/state"));
        request.Headers.Host = $"attacker.example:{_server.Address.Port}";
        using var response = await _http.SendAsync(request);
        // The listener's own prefix match (404) or our host check (421): either way no state leaves.
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MisdirectedRequest, $"answered {response.StatusCode}");
        Assert.DoesNotContain("instruction", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_GET_is_answered()
    {
        using var response = await _http.PostAsync(new Uri(_server.Address, "api/screen/state"), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task The_page_is_bound_to_loopback_only()
    {
        // The kernel's own table: the listening socket on our port has local address 127.0.0.1 (0100007F), not 0.0.0.0.
        var port = _server.Address.Port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        var listening = File.ReadAllLines("/proc/net/tcp").Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f[1].EndsWith(":" + port, StringComparison.Ordinal) && f[3] == "0A")
            .Select(f => f[1])
            .ToArray();
        Assert.Equal(["0100007F:" + port], listening);
        Assert.DoesNotContain(File.ReadAllLines("/proc/net/tcp6").Skip(1), l => l.Contains(":" + port + " ", StringComparison.Ordinal) && l.Contains(" 0A ", StringComparison.Ordinal));

        // And no other address of this machine answers on the port.
        var others = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToArray();
        foreach (var address in others)
        {
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(address, _server.Address.Port));
        }

        using var loopback = new TcpClient();
        await loopback.ConnectAsync(IPAddress.Loopback, _server.Address.Port);
        Assert.True(loopback.Connected);
    }

    [Fact]
    public async Task Showing_a_state_wakes_the_display_it_was_given()
    {
        var sink = new RecordingDisplaySink();
        using var display = new DisplayPower(sink, TimeSpan.FromSeconds(300), new FakeTimeProvider());
        await using var server = new KioskScreenServer(Microsoft.Extensions.Options.Options.Create(new EdgeScreenOptions { Port = FreePort.Next() }), null, display);
        server.Show(KioskScreenState.For(ReceptionState.CitizenPresent));
        await display.Settled;
        Assert.True(display.IsOn);
        Assert.Equal([true], sink.Switches);
    }

    private static async Task<string> NextStateEventAsync(StreamReader reader)
    {
        using var cts = new CancellationTokenSource(Patience);
        var isState = false;
        while (true)
        {
            var line = await reader.ReadLineAsync(cts.Token) ?? throw new EndOfStreamException("The event stream ended.");
            if (line == "event: state")
            {
                isState = true;
            }
            else if (isState && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line["data: ".Length..];
            }
        }
    }
}
