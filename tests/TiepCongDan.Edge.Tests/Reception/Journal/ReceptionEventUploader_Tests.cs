using System.Net.Http.Headers;
using System.Text;
using TiepCongDan.Contracts.Reception;

namespace TiepCongDan.Edge.Tests.Reception.Journal;

public sealed class ReceptionEventUploader_Tests
{
    [Fact]
    public async Task Pending_events_go_oldest_first_in_batches_of_at_most_max_batch_with_basic_auth_and_camel_case()
    {
        await using var rig = new UploaderRig();
        var appended = new List<ReceptionEvent>();
        for (var s = 1; s <= 25; s++)
        {
            foreach (var e in ReceptionEvents.Whole(ReceptionEvents.Session(s), 10))
            {
                rig.Journal.Append(e);
                appended.Add(e);
            }
        }

        await rig.StartAsync();
        await UploaderRig.WaitUntil(() => rig.Journal.PendingUpload == 0, "all 250 events acknowledged");

        Assert.Equal([100, 100, 50], rig.Hub.Batches.Select(b => b.Events.Count));
        Assert.Equal(appended, rig.Hub.Stored);
        Assert.Equal(250, rig.Uploader.Acknowledged);
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ReceptionEvents.KioskId}:{UploaderRig.Password}")));
        Assert.All(rig.Hub.Authorizations, a => Assert.Equal(basic.ToString(), a));
        Assert.Contains("\"sessionId\":", rig.Hub.RawBodies.First(), StringComparison.Ordinal);
        Assert.Contains("\"idNumber\":\"" + ReceptionEvents.CitizenIdNumber + "\"", rig.Hub.RawBodies.First(), StringComparison.Ordinal);
        Assert.Null(rig.Uploader.LastError);
    }

    [Fact]
    public async Task After_a_500_the_same_events_are_sent_again_and_arrive_once()
    {
        await using var rig = new UploaderRig();
        rig.Hub.FailNext(2);
        var session = ReceptionEvents.Session(1);
        foreach (var e in ReceptionEvents.Whole(session, 5))
        {
            rig.Journal.Append(e);
        }

        await rig.StartAsync();
        await UploaderRig.WaitUntil(() => rig.Journal.PendingUpload == 0, "the events acknowledged after two 500s");

        Assert.Equal(3, rig.Hub.Batches.Count);
        Assert.All(rig.Hub.Batches, b => Assert.Equal([1, 2, 3, 4, 5], b.Events.Select(e => e.Seq)));
        Assert.Equal([1, 2, 3, 4, 5], rig.Hub.Stored.Select(e => e.Seq));
        Assert.Equal(2, rig.Log.Entries.Count(e => e.EventId == 7811));
    }

    [Fact]
    public async Task The_receipt_acknowledges_only_up_to_the_hubs_highest_seq_per_session()
    {
        await using var rig = new UploaderRig();
        var session = ReceptionEvents.Session(2);
        var other = ReceptionEvents.Session(3);
        var events = ReceptionEvents.Whole(session, 4).Concat(ReceptionEvents.Whole(other, 2)).ToList();
        foreach (var e in events)
        {
            rig.Journal.Append(e);
        }

        // First answer: the hub kept only seq 1 and 2 of the session and says so, and nothing of the other.
        var answers = 0;
        rig.Hub.Override = batch =>
        {
            if (Interlocked.Increment(ref answers) != 1)
            {
                return null;
            }

            rig.Hub.Hold(events.Take(2));
            return (200, """{"accepted":2,"duplicates":0,"highestSeq":{"SESSION":2}}""".Replace("SESSION", session, StringComparison.Ordinal));
        };

        await rig.StartAsync();
        await UploaderRig.WaitUntil(() => rig.Journal.PendingUpload == 0, "every event acknowledged at last");

        var batches = rig.Hub.Batches.ToList();
        Assert.Equal(6, batches[0].Events.Count);
        // The resend starts after what the receipt covered.
        Assert.Equal([(session, 3), (session, 4), (other, 1), (other, 2)], batches[1].Events.Select(e => (e.SessionId, e.Seq)));
        Assert.Equal(events, rig.Hub.Stored);
    }

    [Fact]
    public async Task A_refused_batch_is_resent_one_by_one_and_only_the_bad_event_is_parked()
    {
        await using var rig = new UploaderRig();
        var session = ReceptionEvents.Session(4);
        var other = ReceptionEvents.Session(5);
        rig.Hub.Refuse[(session, 2)] = true;
        foreach (var e in ReceptionEvents.Whole(session, 4).Concat(ReceptionEvents.Whole(other, 2)))
        {
            rig.Journal.Append(e);
        }

        await rig.StartAsync();
        await UploaderRig.WaitUntil(() => rig.Journal.PendingUpload == 0 && rig.Journal.Parked == 1, "the good events acknowledged and the bad one parked");

        Assert.Equal([(session, 1), (session, 3), (session, 4), (other, 1), (other, 2)], rig.Hub.Stored.Select(e => (e.SessionId, e.Seq)));
        Assert.Equal([6, 1, 1, 1, 1, 1, 1], rig.Hub.Batches.Select(b => b.Events.Count));
        var refused = Assert.Single(rig.Log.Entries, e => e.EventId == 7812);
        Assert.Contains($"{session}/2: unknown case kind", refused.Message, StringComparison.Ordinal);
        var parked = Assert.Single(rig.Log.Entries, e => e.EventId == 7813);
        Assert.Contains($"{session}/2", parked.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ReceptionEvents.CitizenName, parked.Message, StringComparison.Ordinal);

        // Never retried: a new event goes alone.
        rig.Journal.Append(ReceptionEvents.At(other, 3, "Idle"));
        await UploaderRig.WaitUntil(() => rig.Hub.Stored.Count == 6, "the next event");
        Assert.Equal([(other, 3)], rig.Hub.Batches.Last().Events.Select(e => (e.SessionId, e.Seq)));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(429)]
    public async Task A_hub_that_refuses_the_kiosk_or_lacks_the_api_is_waited_for_and_no_event_is_parked(int status)
    {
        await using var rig = new UploaderRig();
        rig.Hub.AnswerAll = status;
        foreach (var e in ReceptionEvents.Whole(ReceptionEvents.Session(7), 3))
        {
            rig.Journal.Append(e);
        }

        await rig.StartAsync();
        await UploaderRig.WaitUntil(() => rig.Log.Entries.Count(e => e.EventId == 7811) >= 3, "several backed-off attempts");
        Assert.Equal(0, rig.Journal.Parked);
        Assert.Equal(3, rig.Journal.PendingUpload);
        Assert.All(rig.Hub.Batches, b => Assert.Equal(3, b.Events.Count));

        rig.Hub.AnswerAll = null;
        await UploaderRig.WaitUntil(() => rig.Journal.PendingUpload == 0, "the events once the hub serves the API");
    }

    [Fact]
    public async Task An_append_wakes_the_idle_uploader_without_waiting_for_the_poll()
    {
        await using var rig = new UploaderRig(idlePoll: TimeSpan.FromHours(1));
        await rig.StartAsync();
        var session = ReceptionEvents.Session(6);

        rig.Journal.Append(ReceptionEvents.At(session, 1, "CitizenPresent"));
        await UploaderRig.WaitUntil(() => rig.Hub.Stored.Count == 1, "the first event, sent on its append");
        await UploaderRig.WaitUntil(() => rig.Journal.PendingUpload == 0, "the first event acknowledged");

        rig.Journal.Append(ReceptionEvents.At(session, 2, "Identified"));
        await UploaderRig.WaitUntil(() => rig.Hub.Stored.Count == 2, "the second event, sent on its append");
        Assert.Equal(ReceptionEvents.Citizen, rig.Hub.Stored[1].Citizen);
    }

    [Fact]
    public async Task While_the_link_is_down_events_are_kept_and_once_it_is_back_all_arrive_in_order()
    {
        await using var rig = new UploaderRig(hubUp: false);
        await rig.StartAsync();
        var appended = new List<ReceptionEvent>();
        for (var s = 1; s <= 6; s++)
        {
            foreach (var e in ReceptionEvents.Whole(ReceptionEvents.Session(10 + s), 5))
            {
                rig.Journal.Append(e);
                appended.Add(e);
            }

            await Task.Delay(50);
        }

        await UploaderRig.WaitUntil(() => rig.Log.Entries.Count(e => e.EventId == 7811) >= 3, "several failed attempts while the link is down");
        Assert.Equal(30, rig.Journal.PendingUpload);
        Assert.NotNull(rig.Uploader.LastError);

        rig.Hub.Up();
        await UploaderRig.WaitUntil(() => rig.Journal.PendingUpload == 0, "everything sent once the link is back");

        Assert.Equal(appended, rig.Hub.Stored);
        await UploaderRig.WaitUntil(() => rig.Uploader.LastError is null, "the error cleared after a clean pass");
    }
}
