namespace SendWorkflow.Rules;

/// <summary>What a rule reads as <c>facts</c>: the pupil's situation when the event arrives.</summary>
public sealed class Facts
{
    /// <summary>Event name, e.g. "review.completed".</summary>
    public string Event { get; init; } = "";

    /// <summary>Current state id.</summary>
    public string State { get; init; } = "";

    public int Stage { get; init; }

    /// <summary>Calendar days.</summary>
    public int DaysInStage { get; init; }

    /// <summary>Calendar weeks (days / 7).</summary>
    public double WeeksInStage { get; init; }

    public int SchoolDaysInStage { get; init; }

    /// <summary>School days / 5.</summary>
    public double SchoolWeeksInStage { get; init; }

    public int HalfTermsInStage { get; init; }

    public int TermsInStage { get; init; }

    public Progress LastProgress { get; init; }

    public int ReviewsInStage { get; init; }

    /// <summary>Reviews in this stage whose progress was none or little.</summary>
    public int ReviewsWithoutProgress { get; init; }

    /// <summary>How the pupil entered the stage: "start", "escalation", "step-down", "request" or "transition".</summary>
    public string EnteredBy { get; init; } = "";

    /// <summary>Transition id that entered the stage; "" at start.</summary>
    public string EnteredVia { get; init; } = "";

    public int YearGroup { get; init; }

    /// <summary>Whether the pupil is looked after by a local authority (in care).</summary>
    public bool LookedAfter { get; init; }

    /// <summary>The move the pupil makes at the end of this school year: "next-phase", "post-16", or empty when they stay.</summary>
    public string Transfer { get; init; } = "";
}
