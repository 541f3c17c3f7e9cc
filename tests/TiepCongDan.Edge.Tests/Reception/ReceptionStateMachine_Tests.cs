using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Flow;

namespace TiepCongDan.Edge.Tests.Reception;

public sealed class ReceptionStateMachine_Tests
{
    [Theory]
    [InlineData(ReceptionState.Idle, ReceptionTrigger.CardPresented, ReceptionState.CitizenPresent)]
    [InlineData(ReceptionState.Idle, ReceptionTrigger.QrPresented, ReceptionState.CitizenPresent)]
    [InlineData(ReceptionState.Idle, ReceptionTrigger.StaffPress, ReceptionState.CitizenPresent)]
    [InlineData(ReceptionState.CitizenPresent, ReceptionTrigger.Identified, ReceptionState.Identified)]
    [InlineData(ReceptionState.CitizenPresent, ReceptionTrigger.StaffPress, ReceptionState.Identified)]
    [InlineData(ReceptionState.CitizenPresent, ReceptionTrigger.IdentificationFailed, ReceptionState.Error)]
    [InlineData(ReceptionState.Identified, ReceptionTrigger.CaseKindChosen, ReceptionState.Connecting)]
    [InlineData(ReceptionState.Identified, ReceptionTrigger.StaffPress, ReceptionState.Connecting)]
    [InlineData(ReceptionState.Connecting, ReceptionTrigger.Connected, ReceptionState.Live)]
    [InlineData(ReceptionState.Connecting, ReceptionTrigger.ConnectionFailed, ReceptionState.Error)]
    [InlineData(ReceptionState.Connecting, ReceptionTrigger.Timeout, ReceptionState.Error)]
    [InlineData(ReceptionState.Connecting, ReceptionTrigger.StaffLongPress, ReceptionState.Ending)]
    [InlineData(ReceptionState.Live, ReceptionTrigger.StaffLongPress, ReceptionState.Ending)]
    [InlineData(ReceptionState.Live, ReceptionTrigger.RemoteEnd, ReceptionState.Ending)]
    [InlineData(ReceptionState.Ending, ReceptionTrigger.Ended, ReceptionState.Rating)]
    [InlineData(ReceptionState.Ending, ReceptionTrigger.Timeout, ReceptionState.Rating)]
    [InlineData(ReceptionState.Rating, ReceptionTrigger.Rated, ReceptionState.Idle)]
    [InlineData(ReceptionState.Rating, ReceptionTrigger.Timeout, ReceptionState.Idle)]
    [InlineData(ReceptionState.Error, ReceptionTrigger.Timeout, ReceptionState.Idle)]
    [InlineData(ReceptionState.Error, ReceptionTrigger.StaffPress, ReceptionState.Idle)]
    public void The_table_moves_as_designed(ReceptionState from, ReceptionTrigger trigger, ReceptionState to)
    {
        var machine = new ReceptionStateMachine(from);

        Assert.Equal(new ReceptionTransition(from, to, trigger), machine.TryFire(trigger));
        Assert.Equal(to, machine.State);
    }

    [Theory]
    [InlineData(ReceptionState.Idle, ReceptionTrigger.Timeout)]
    [InlineData(ReceptionState.Idle, ReceptionTrigger.StaffLongPress)]
    [InlineData(ReceptionState.Idle, ReceptionTrigger.Rated)]
    [InlineData(ReceptionState.Idle, ReceptionTrigger.Fault)]
    [InlineData(ReceptionState.Connecting, ReceptionTrigger.StaffPress)]
    [InlineData(ReceptionState.Connecting, ReceptionTrigger.CaseKindChosen)]
    [InlineData(ReceptionState.Live, ReceptionTrigger.StaffPress)]
    [InlineData(ReceptionState.Live, ReceptionTrigger.Timeout)]
    [InlineData(ReceptionState.Live, ReceptionTrigger.Rated)]
    [InlineData(ReceptionState.Ending, ReceptionTrigger.StaffLongPress)]
    [InlineData(ReceptionState.Error, ReceptionTrigger.Fault)]
    public void What_a_state_does_not_take_is_refused_without_a_change(ReceptionState state, ReceptionTrigger trigger)
    {
        var machine = new ReceptionStateMachine(state);

        Assert.Null(machine.TryFire(trigger));
        Assert.Equal(state, machine.State);
    }

    [Fact]
    public void Every_state_but_idle_can_be_left_by_the_staff_and_by_time_or_the_hub()
    {
        foreach (var state in Enum.GetValues<ReceptionState>().Where(s => s != ReceptionState.Idle))
        {
            var machine = new ReceptionStateMachine(state);
            Assert.True(
                machine.Accepts(ReceptionTrigger.StaffLongPress) || machine.Accepts(ReceptionTrigger.Timeout) || machine.Accepts(ReceptionTrigger.Ended),
                $"{state} has no way out");
        }
    }

    [Fact]
    public void The_table_renders_as_a_diagram()
    {
        var dot = new ReceptionStateMachine().ToDot();

        Assert.Contains("digraph", dot, StringComparison.Ordinal);
        Assert.Contains("Connecting", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_trigger_has_a_contract_name()
    {
        foreach (var trigger in Enum.GetValues<ReceptionTrigger>())
        {
            Assert.False(string.IsNullOrWhiteSpace(ReceptionTriggerNames.ToWire(trigger, ReceptionState.Live)));
        }
    }
}
