using TiepCongDan.Hub.Reports;

namespace TiepCongDan.Hub.Tests.Reports;

public sealed class ReceptionScheduleTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public void A_week_holds_five_days_of_seven_and_a_half_hours_and_only_reception_times_count()
    {
        var schedule = ReceptionSchedule.From(new ReportOptions());
        var monday = new DateTimeOffset(2026, 11, 16, 0, 0, 0, Vietnam);
        Assert.Equal(TimeSpan.FromHours(37.5), schedule.Within(monday, monday.AddDays(7)));
        Assert.Equal(TimeSpan.FromHours(2), schedule.Within(monday.AddHours(10.5), monday.AddHours(14.5))); // 10:30-11:30 and 13:30-14:30
        Assert.True(schedule.Contains(monday.AddHours(7.5)));
        Assert.False(schedule.Contains(monday.AddHours(11.5)));
        Assert.False(schedule.Contains(monday.AddDays(5).AddHours(9)));
        // The same instant in UTC is judged in local time.
        Assert.True(schedule.Contains(monday.AddHours(9).ToUniversalTime()));
    }

    [Theory]
    [InlineData("07:30-11:30,13:30", "Mon-Fri", "Hub:Reports:ReceptionHours '07:30-11:30,13:30': '13:30' is not a period like 07:30-11:30.")]
    [InlineData("11:30-07:30", "Mon-Fri", "Hub:Reports:ReceptionHours '11:30-07:30': '11:30-07:30' is not a period like 07:30-11:30.")]
    [InlineData("07:30-11:30", "Mon-Fry", "Hub:Reports:ReceptionDays 'Mon-Fry': 'Mon-Fry' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun) or a range like Mon-Fri.")]
    [InlineData("", "Mon-Fri", "Hub:Reports:ReceptionHours is empty: give the reception periods, e.g. 07:30-11:30,13:30-17:00.")]
    public void A_typo_in_the_schedule_is_refused_at_start_with_a_sentence(string hours, string days, string message)
    {
        var result = new ReportOptionsValidator().Validate(null, new ReportOptions { ReceptionHours = hours, ReceptionDays = days });
        Assert.True(result.Failed);
        Assert.Equal(message, Assert.Single(result.Failures!));
    }

    [Fact]
    public void Saturday_mornings_can_be_added_with_a_day_list()
    {
        var schedule = ReceptionSchedule.From(new ReportOptions { ReceptionDays = "Mon-Fri,Sat", ReceptionHours = "08:00-11:00" });
        var saturday = new DateTimeOffset(2026, 11, 21, 0, 0, 0, Vietnam);
        Assert.Equal(TimeSpan.FromHours(3), schedule.Within(saturday, saturday.AddDays(1)));
    }
}
