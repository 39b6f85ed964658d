namespace SendWorkflow.Workflows.Runtime;

/// <summary>Computes what the rules see: time in stage in calendar and school time, progress, how the stage began.</summary>
public static class FactsBuilder
{
    public static Facts Build(WorkflowInstance instance, int yearGroup, string eventName, DateTimeOffset now, SchoolCalendar calendar)
    {
        var entered = UkTime.DateOf(new DateTimeOffset(instance.EnteredStateAt, TimeSpan.Zero));
        var today = UkTime.DateOf(now);
        if (today < entered) today = entered;
        var days = today.DayNumber - entered.DayNumber;
        var schoolDays = calendar.SchoolDaysBetween(entered, today);
        return new Facts
        {
            Event = eventName,
            State = instance.State,
            Stage = instance.Stage ?? 0,
            DaysInStage = days,
            WeeksInStage = days / 7.0,
            SchoolDaysInStage = schoolDays,
            SchoolWeeksInStage = schoolDays / 5.0,
            HalfTermsInStage = calendar.HalfTermsBetween(entered, today),
            TermsInStage = calendar.TermsBetween(entered, today),
            LastProgress = instance.LastProgress,
            ReviewsInStage = instance.ReviewsInStage,
            ReviewsWithoutProgress = instance.ReviewsWithoutProgress,
            EnteredBy = instance.EnteredBy,
            EnteredVia = instance.EnteredVia,
            YearGroup = yearGroup,
        };
    }
}
