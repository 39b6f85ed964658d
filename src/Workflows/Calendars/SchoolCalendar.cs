namespace SendWorkflow.Workflows.Calendars;

/// <summary>
/// School-day arithmetic over one borough's term dates: weekends, holidays, half terms and closures don't count.
/// A question about a date the calendar does not cover is an error, never a guess.
/// </summary>
public sealed class SchoolCalendar
{
    private readonly DateOnly[] _schoolDays;
    private readonly Segment[] _halfTerms;
    private readonly Segment[] _terms;
    private readonly Dictionary<string, DateOnly[]> _points;

    private SchoolCalendar(string id, string name, DateOnly[] days, Segment[] halves, Segment[] terms,
        Dictionary<string, DateOnly[]> points)
    {
        Id = id;
        Name = name;
        _schoolDays = days;
        _halfTerms = halves;
        _terms = terms;
        _points = points;
        First = terms[0].Start;
        Last = terms[^1].End;
    }

    public string Id { get; }
    public string Name { get; }
    public DateOnly First { get; }
    public DateOnly Last { get; }
    public IEnumerable<string> PointNames => _points.Keys;

    public static SchoolCalendar From(TermCalendarDocument doc)
    {
        var problems = Validate(doc);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Term calendar '{doc.Id}' is invalid: {string.Join("; ", problems)}");
        }

        var closures = doc.Closures.Select(c => c.Date).ToHashSet();
        var days = new List<DateOnly>();
        var halves = new List<Segment>();
        var terms = new List<Segment>();
        foreach (var term in doc.Terms.OrderBy(t => t.Start))
        {
            var termStart = days.Count;
            var halfStart = days.Count;
            for (var d = term.Start; d <= term.End; d = d.AddDays(1))
            {
                if (term.HalfTerm is { } ht && d == ht.Start)
                {
                    halves.Add(new Segment(term.Start, ht.Start.AddDays(-1), halfStart, days.Count));
                    halfStart = days.Count;
                }
                var inHalfTerm = term.HalfTerm is { } h && d >= h.Start && d <= h.End;
                if (!inHalfTerm && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closures.Contains(d))
                {
                    days.Add(d);
                }
            }
            halves.Add(new Segment(term.HalfTerm?.End.AddDays(1) ?? term.Start, term.End, halfStart, days.Count));
            terms.Add(new Segment(term.Start, term.End, termStart, days.Count));
        }

        var points = doc.Points.ToDictionary(p => p.Key, p => p.Value.Order().ToArray(), StringComparer.Ordinal);
        return new SchoolCalendar(doc.Id, doc.Name, [.. days], [.. halves], [.. terms], points);
    }

    public static List<string> Validate(TermCalendarDocument doc)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(doc.Id)) problems.Add("the calendar has no id");
        if (doc.Terms.Count == 0) problems.Add("the calendar has no terms");
        if (doc.TimeZone != UkTime.ZoneId) problems.Add($"time zone must be {UkTime.ZoneId}");
        // Compared with the term that ends latest so far, not just the one before: a term that overlaps a long
        // earlier term must be reported even when a shorter term sits between them.
        TermDates? latest = null;
        foreach (var term in doc.Terms.OrderBy(t => t.Start))
        {
            if (term.End < term.Start) problems.Add($"{term.Name} ends before it starts");
            if (term.HalfTerm is { } ht && (ht.Start <= term.Start || ht.End >= term.End || ht.End < ht.Start))
                problems.Add($"{term.Name}: its half term must fall inside the term");
            if (latest is not null && term.Start <= latest.End)
                problems.Add($"{term.Name} overlaps {latest.Name}");
            if (latest is null || term.End > latest.End) latest = term;
        }
        return problems;
    }

    public bool Covers(DateOnly date) => date >= First && date <= Last;

    public bool IsSchoolDay(DateOnly date)
    {
        Require(date);
        return Array.BinarySearch(_schoolDays, date) >= 0;
    }

    /// <summary>The school day that is <paramref name="count"/> school days after <paramref name="from"/>.</summary>
    public DateOnly AddSchoolDays(DateOnly from, int count)
    {
        Require(from);
        if (count <= 0) return from;
        var index = CountUpTo(from) + count - 1;
        if (index >= _schoolDays.Length)
        {
            throw new SchoolCalendarException(Id, Last.AddDays(1),
                $"{count} school days after {UkTime.Format(from)} run past the last term it knows ({UkTime.Format(Last)})");
        }
        return _schoolDays[index];
    }

    /// <summary>The school day that is <paramref name="count"/> school days before <paramref name="date"/>.</summary>
    public DateOnly SchoolDaysBefore(DateOnly date, int count)
    {
        Require(date);
        if (count <= 0) return date;
        var upTo = CountUpTo(date);
        var index = (Array.BinarySearch(_schoolDays, date) >= 0 ? upTo - 1 : upTo) - count;
        if (index < 0)
        {
            throw new SchoolCalendarException(Id, First.AddDays(-1),
                $"{count} school days before {UkTime.Format(date)} run before the first term it knows ({UkTime.Format(First)})");
        }
        return _schoolDays[index];
    }

    /// <summary>School days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int SchoolDaysBetween(DateOnly from, DateOnly to)
    {
        Require(from);
        Require(to);
        return CountUpTo(to) - CountUpTo(from);
    }

    public DateOnly AddHalfTerms(DateOnly from, int count) => AddSegments(_halfTerms, from, count, "half terms");

    public DateOnly AddTerms(DateOnly from, int count) => AddSegments(_terms, from, count, "terms");

    public int HalfTermsBetween(DateOnly from, DateOnly to) => SegmentsBetween(_halfTerms, from, to);

    public int TermsBetween(DateOnly from, DateOnly to) => SegmentsBetween(_terms, from, to);

    /// <summary>The first date of the named review point after <paramref name="from"/>.</summary>
    public DateOnly NextPoint(string name, DateOnly from)
    {
        Require(from);
        if (!_points.TryGetValue(name, out var dates))
        {
            throw new SchoolCalendarException(Id, from, $"it has no review point called '{name}'");
        }
        foreach (var date in dates)
        {
            if (date > from) return date;
        }
        throw new SchoolCalendarException(Id, from, $"it has no '{name}' date after {UkTime.Format(from)}");
    }

    public bool HasPoint(string name) => _points.ContainsKey(name);

    /// <summary>The last school day of the first term that starts between <paramref name="from"/> and <paramref name="to"/>.</summary>
    /// <param name="what">The term in words for the error, e.g. "spring term of 2026-27".</param>
    public DateOnly LastSchoolDayOfTermStarting(DateOnly from, DateOnly to, string what)
    {
        foreach (var term in _terms)
        {
            if (term.Start >= from && term.Start <= to && term.EndDay > term.FirstDay) return _schoolDays[term.EndDay - 1];
        }
        throw new SchoolCalendarException(Id, from,
            $"it has no {what} (it covers {UkTime.Format(First)} to {UkTime.Format(Last)})");
    }

    private int CountUpTo(DateOnly date)
    {
        var i = Array.BinarySearch(_schoolDays, date);
        return i >= 0 ? i + 1 : ~i;
    }

    // A term later keeps the same place in the term: day k of this term becomes day k of the term n later
    // (the last day if that term is shorter). From a holiday, counting starts at the next term.
    private DateOnly AddSegments(Segment[] segments, DateOnly from, int count, string what)
    {
        Require(from);
        if (count <= 0) return from;
        var (index, offset) = Locate(segments, from);
        var target = index + count;
        if (target >= segments.Length)
        {
            throw new SchoolCalendarException(Id, Last.AddDays(1),
                $"{count} {what} after {UkTime.Format(from)} run past the last term it knows ({UkTime.Format(Last)})");
        }
        var seg = segments[target];
        var day = Math.Min(seg.FirstDay + offset, seg.EndDay - 1);
        return _schoolDays[day];
    }

    private int SegmentsBetween(Segment[] segments, DateOnly from, DateOnly to)
    {
        Require(from);
        Require(to);
        var (index, _) = Locate(segments, from);
        var n = 0;
        while (index + n + 1 < segments.Length && AddSegments(segments, from, n + 1, "terms") <= to)
        {
            n++;
        }
        return n;
    }

    // The segment holding the date and the date's school-day position in it; a date in a holiday sits at
    // position 0 of the segment that follows.
    private (int Index, int Offset) Locate(Segment[] segments, DateOnly date)
    {
        var upTo = CountUpTo(date);
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (date < s.Start) return (i, 0);
            if (date <= s.End) return (i, Math.Max(0, upTo - 1 - s.FirstDay));
        }
        throw new SchoolCalendarException(Id, date, $"it covers {UkTime.Format(First)} to {UkTime.Format(Last)}");
    }

    private void Require(DateOnly date)
    {
        if (!Covers(date))
        {
            throw new SchoolCalendarException(Id, date,
                $"it covers {UkTime.Format(First)} to {UkTime.Format(Last)}");
        }
    }

    private readonly record struct Segment(DateOnly Start, DateOnly End, int FirstDay, int EndDay);
}
