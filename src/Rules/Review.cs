namespace SendWorkflow.Rules;

/// <summary>
/// One review of the pupil's progress, as a rule reads it in <c>reviews</c>: rules count them over a period, for example
/// <c>reviews.Count(r => r.WithoutProgress &amp;&amp; r.TermsAgo &lt; 2) &gt;= 2</c>.
/// </summary>
public sealed class Review
{
    public Progress Progress { get; init; }

    /// <summary>None or little progress.</summary>
    public bool WithoutProgress => Progress is Progress.None or Progress.Little;

    /// <summary>Calendar days from the review to today.</summary>
    public int DaysAgo { get; init; }

    /// <summary>School days from the review to today, divided by 5.</summary>
    public double SchoolWeeksAgo { get; init; }

    /// <summary>Term boundaries between the review and today: 0 for a review this term.</summary>
    public int TermsAgo { get; init; }

    /// <summary>The state the pupil was in when the review was recorded.</summary>
    public string State { get; init; } = "";

    /// <summary>Whether the review was recorded in the state the pupil is in now.</summary>
    public bool InThisStage { get; init; }
}
