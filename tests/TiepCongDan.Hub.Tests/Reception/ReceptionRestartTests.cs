using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Reception;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Reception;

/// <summary>The register and its key survive a hub restart: the citizen still opens and a resend is still a duplicate.</summary>
public sealed class ReceptionRestartTests
{
    [Fact]
    public async Task After_a_restart_the_register_holds_the_session_its_citizen_and_answers_a_resend_as_duplicates()
    {
        const string kioskId = "14-04187";
        var dir = Path.Combine(Path.GetTempPath(), "tcd-hub-reception-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            string session;
            List<ReceptionEvent> events;
            await using (var hub = await TestHub.StartInAsync(dir))
            {
                using var kiosk = new ReceptionKiosk(hub, kioskId);
                session = kiosk.NewSessionId();
                events = kiosk.FullSession(session);
                await kiosk.SendAsync(events.Take(5));
            }

            await using (var hub = await TestHub.StartInAsync(dir))
            {
                using var kiosk = new ReceptionKiosk(hub, kioskId);
                var receipt = await kiosk.SendAsync(events);
                Assert.Equal(2, receipt.Accepted);
                Assert.Equal(5, receipt.Duplicates);
                Assert.Equal(7, receipt.HighestSeq[session]);
                var register = hub.Get<ReceptionRegister>();
                var row = register.Find(session)!;
                Assert.Equal(ReceptionKiosk.Citizen, register.Citizen(row));
                Assert.Equal(SessionOutcomes.Completed, row.Outcome);
                Assert.Equal(7, row.EventCount);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
