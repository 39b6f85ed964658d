namespace SendWorkflow.Workflows.Runtime;

/// <summary>Computes what the rules see: time in stage in calendar and school time, progress, how the stage began.</summary>
public static class FactsBuilder
{
    /// <summary>
    /// Everything the rules are asked about: the facts, the event's data and the recorded measures (gathered only when
    /// the rules read them).
    /// </summary>
    public static RuleInput Input(WorkflowInstance instance, SubjectPlacement subject, WorkflowEvent e, DateTimeOffset now, SchoolCalendar calendar,
        RuleSet rules) =>
        new(Build(instance, subject.YearGroup, e.Name, now, calendar, subject), e.Data)
        {
            Reviews = rules.ReadsReviews ? Measures(instance, now, calendar) : [],
        };

    /// <summary>The recorded measures as rules read them (<c>reviews</c>): how long ago each was, in days, school weeks and terms.</summary>
    public static IReadOnlyList<Review> Measures(WorkflowInstance instance, DateTimeOffset now, SchoolCalendar calendar)
    {
        if (string.IsNullOrEmpty(instance.MeasureHistory)) return [];
        var today = UkTime.DateOf(now);
        var entered = UkTime.DateOf(new DateTimeOffset(instance.EnteredStateAt, TimeSpan.Zero));
        return MeasureHistory.Parse(instance.MeasureHistory)
            .Select(m => (m, from: m.Date > today ? today : m.Date))
            .Select(x => new Review
            {
                Progress = x.m.Level,
                DaysAgo = today.DayNumber - x.from.DayNumber,
                SchoolWeeksAgo = calendar.SchoolDaysBetween(x.from, today) / 5.0,
                TermsAgo = calendar.TermsBetween(x.from, today),
                State = x.m.State,
                InThisStage = x.m.State == instance.State && x.m.Date >= entered,
            })
            .ToList();
    }

    public static Facts Build(WorkflowInstance instance, int yearGroup, string eventName, DateTimeOffset now, SchoolCalendar calendar,
        SubjectPlacement? subject = null)
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
            LookedAfter = subject?.LookedAfter ?? false,
            Transfer = subject?.Transfer ?? "",
        };
    }
}
