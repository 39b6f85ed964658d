using SendWorkflow.Send.Programmes;

namespace SendWorkflow.Send.ParentMeetings;

/// <summary>
/// A term of an academic year as a borough's calendar has it, for counting what happened in it: from the day after the
/// previous term's last school day (the autumn term from 1 September) to its own last school day (the summer term to 31
/// August), so a meeting held in a holiday counts for the term that follows and every day of the year is in one term.
/// Terms are found as <c>When.endOfTerm</c> finds them (<see cref="SchoolTime.EndOfTerm"/>).
/// </summary>
public sealed record SchoolTerm(string Name, DateOnly From, DateOnly To)
{
    public bool Holds(DateOnly day) => day >= From && day <= To;

    /// <summary>The year's autumn, spring and summer terms; the caller has checked the calendar covers the year.</summary>
    public static IReadOnlyList<SchoolTerm> Of(AcademicYear year, SchoolCalendar calendar)
    {
        var autumn = SchoolTime.EndOfTerm("autumn", year.First, calendar);
        var spring = SchoolTime.EndOfTerm("spring", year.First, calendar);
        return [new("autumn", year.First, autumn), new("spring", autumn.AddDays(1), spring), new("summer", spring.AddDays(1), year.Last)];
    }
}
