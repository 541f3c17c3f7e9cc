using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Alerts;

/// <summary>The webhook outbox against a real HTTP receiver on loopback: retries with back-off when it fails at first, order kept per receiver.</summary>
public sealed class AlertWebhookTests
{
    [Fact]
    public async Task Receiver_failing_twice_gets_the_notification_on_the_third_try_then_ack_and_close_in_order()
    {
        using var receiver = new WebhookReceiver(failFirst: 2);
        using var h = new AlertHarness(new AlertOptions
        {
            Webhooks = [new AlertWebhookOptions { Url = receiver.Url }],
            WebhookInitialDelayMs = 2000,
            WebhookMaxDelayMs = 60_000,
        });
        h.Healthy();
        h.Change(AlertHarness.Kiosk, r => r.Metrics["camera/" + MediaMetrics.Frozen] = true);
        h.Run(11);
        var alert = Assert.Single(h.Active());

        Assert.Equal(0, await h.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(receiver.Requests);
        // Not due yet: the back-off holds it, nothing is sent.
        h.Time.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.Equal(0, await h.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Single(receiver.Requests);
        h.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, await h.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(2, receiver.Requests.Count);

        // The acknowledgement is queued behind the failing "opened": it must not overtake it.
        Assert.Equal(AckOutcome.Acknowledged, h.Engine.Acknowledge(alert.Id, "operator1", "Đã cử kỹ thuật viên", null).Outcome);
        Assert.Equal(0, await h.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(2, receiver.Requests.Count);

        h.Time.Advance(TimeSpan.FromMilliseconds(4000)); // second back-off: 2 x 2000 ms
        Assert.Equal(2, await h.Dispatcher.DispatchDueAsync(CancellationToken.None));
        Assert.Equal(0, h.Store.PendingNotifications());

        h.Change(AlertHarness.Kiosk, r => r.Metrics["camera/" + MediaMetrics.Frozen] = false);
        h.Run(61);
        Assert.Equal(1, await h.Dispatcher.DispatchDueAsync(CancellationToken.None));

        var delivered = receiver.Delivered;
        Assert.Equal(["opened", "acknowledged", "closed"], delivered.Select(d => d.GetProperty("event").GetString()));
        Assert.All(delivered, d => Assert.Equal(alert.Id, d.GetProperty("alert").GetProperty("id").GetInt64()));
        var opened = delivered[0].GetProperty("alert");
        Assert.Equal(AlertRuleIds.VideoFrozen, opened.GetProperty("rule").GetString());
        Assert.Equal("14", opened.GetProperty("province").GetString());
        Assert.Equal("Ki-ốt 14-04171: hình ảnh camera bị đứng.", opened.GetProperty("message").GetString());
        Assert.Equal("tcd-hub-test", delivered[0].GetProperty("hub").GetString());
        Assert.Equal("Đã cử kỹ thuật viên", delivered[1].GetProperty("alert").GetProperty("comment").GetString());
        Assert.Equal("closed", delivered[2].GetProperty("alert").GetProperty("state").GetString());
        // Three identical "opened" bodies reached the receiver: two answered 500, one 200.
        Assert.Equal(3, receiver.Requests.Count(r => r.Body.RootElement.GetProperty("event").GetString() == "opened"));
    }

    [Fact]
    public async Task Notifications_go_only_to_the_receivers_of_the_province_and_give_up_after_max_attempts()
    {
        using var all = new WebhookReceiver(failFirst: 0);
        using var only79 = new WebhookReceiver(failFirst: 0);
        using var broken = new WebhookReceiver(failFirst: int.MaxValue);
        using var h = new AlertHarness(new AlertOptions
        {
            Webhooks =
            [
                new AlertWebhookOptions { Url = all.Url },
                new AlertWebhookOptions { Url = only79.Url, Provinces = ["79"] },
                new AlertWebhookOptions { Url = broken.Url, Provinces = ["14"] },
            ],
            WebhookMaxAttempts = 3,
            WebhookInitialDelayMs = 100,
            WebhookMaxDelayMs = 100,
        });
        h.Healthy();
        h.Change(AlertHarness.Kiosk, r => r.Metrics[NodeMetrics.ClockSynced] = false);
        h.Run(301);
        Assert.Single(h.Active());

        for (var i = 0; i < 5; i++)
        {
            await h.Dispatcher.DispatchDueAsync(CancellationToken.None);
            h.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Single(all.Delivered);
        Assert.Empty(only79.Requests);
        Assert.Equal(3, broken.Requests.Count);
        Assert.Equal(0, h.Store.PendingNotifications());
        Assert.Equal(1, h.Store.FailedNotifications());
        Assert.Equal(100, h.Dispatcher.Delay(2)); // capped at WebhookMaxDelayMs
    }
}
