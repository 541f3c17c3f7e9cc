using System.Net.Http.Headers;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

public sealed class LiveEventsTests
{
    [Fact]
    public async Task The_event_stream_sends_a_snapshot_then_each_kiosk_change()
    {
        await using var hub = await TestHub.StartAsync();
        await using var first = await TestKiosk.ConnectAsync(hub, "14-04171", bdSeq: 1);
        await first.BirthAsync();
        await Eventually.True(() => hub.Registry.OnlineCount == 1, "first kiosk online");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await hub.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        async Task<string> NextEvent()
        {
            string? name = null;
            while (true)
            {
                var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
                {
                    return name + " " + line[6..];
                }
            }
        }

        var snapshot = await NextEvent();
        Assert.StartsWith("snapshot [", snapshot);
        Assert.Contains("\"deviceId\":\"14-04171\"", snapshot);

        await first.DropWithWillAsync(hub);
        var change = await NextEvent();
        Assert.StartsWith("kiosk {", change);
        Assert.Contains("\"deviceId\":\"14-04171\"", change);
        Assert.Contains("\"online\":false", change);
    }
}
