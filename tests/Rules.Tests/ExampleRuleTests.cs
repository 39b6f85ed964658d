using static SendWorkflow.Rules.Tests.Scenario;

namespace SendWorkflow.Rules.Tests;

public class ExampleRuleTests
{
    private const string EarlyIntervention =
        "facts.SchoolWeeksInStage >= params.earlyInterventionWeeks && (facts.LastProgress == Progress.None || facts.LastProgress == Progress.Little)";

    [Fact]
    public void Evaluate_NoProgressAfterSixWeeks_Holds() =>
        Given(new Facts { SchoolWeeksInStage = 6, LastProgress = Progress.None })
            .WithParams(("earlyInterventionWeeks", 6))
            .Holds(EarlyIntervention);

    [Fact]
    public void Evaluate_LittleProgressAfterSevenWeeks_Holds() =>
        Given(new Facts { SchoolWeeksInStage = 7.4, LastProgress = Progress.Little })
            .WithParams(("earlyInterventionWeeks", 6))
            .Holds(EarlyIntervention);

    [Fact]
    public void Evaluate_NoProgressAfterFiveWeeks_DoesNotHold() =>
        Given(new Facts { SchoolWeeksInStage = 5.8, LastProgress = Progress.None })
            .WithParams(("earlyInterventionWeeks", 6))
            .DoesNotHold(EarlyIntervention);

    [Fact]
    public void Evaluate_ExpectedProgressAfterTenWeeks_DoesNotHold() =>
        Given(new Facts { SchoolWeeksInStage = 10, LastProgress = Progress.Expected })
            .WithParams(("earlyInterventionWeeks", 6))
            .DoesNotHold(EarlyIntervention);

    [Fact]
    public void Evaluate_RequestedByParent_Holds()
    {
        var parentRequest = Given(new Facts()).WithData(("by", "parent"));
        parentRequest.Holds("data.Text(\"by\") == \"parent\"");
        parentRequest.DoesNotHold("data.Text(\"by\") == \"school\"");
    }

    [Fact]
    public void Evaluate_AssessFlagFalseOrMissing_Holds()
    {
        Given(new Facts()).WithData(("assess", false)).Holds("data.Flag(\"assess\") == false");
        Given(new Facts()).Holds("data.Flag(\"assess\") == false");
        Given(new Facts()).WithData(("assess", true)).DoesNotHold("data.Flag(\"assess\") == false");
    }

    [Fact]
    public void Evaluate_True_AlwaysHolds() => Given(new Facts()).Holds("true");

    [Fact]
    public void Evaluate_ProgressOrdering_ComparesLevels()
    {
        var expected = Given(new Facts { LastProgress = Progress.Expected });
        expected.Holds("facts.LastProgress >= Progress.Expected");
        expected.Holds("facts.LastProgress > Progress.Little");
        expected.DoesNotHold("facts.LastProgress < Progress.Expected");
        expected.DoesNotHold("facts.LastProgress == Progress.Good");
        expected.Holds("facts.LastProgress != Progress.Unknown");
    }

    [Fact]
    public void Evaluate_ProgressInList_Holds()
    {
        var little = Given(new Facts { LastProgress = Progress.Little });
        little.Holds("facts.LastProgress in (Progress.None, Progress.Little)");
        little.Holds("Rules.AnyOf(facts.LastProgress, Progress.None, Progress.Little)");
        little.DoesNotHold("Rules.AnyOf(facts.LastProgress, Progress.Expected, Progress.Good)");
    }

    [Fact]
    public void Evaluate_TextHelpers_MatchWhoEntered()
    {
        var escalated = Given(new Facts { EnteredBy = "escalation", EnteredVia = "t-escalate", YearGroup = 8 });
        escalated.Holds("Rules.AnyOf(facts.EnteredBy, \"escalation\", \"request\")");
        escalated.Holds("facts.EnteredBy in (\"escalation\", \"request\") && facts.EnteredVia.StartsWith(\"t-\")");
        escalated.Holds("Rules.Between(facts.YearGroup, 7, 9)");
        escalated.DoesNotHold("facts.EnteredVia == \"\"");
    }

    [Fact]
    public void Evaluate_CountsAndMath_Work()
    {
        var reviews = Given(new Facts { ReviewsInStage = 3, ReviewsWithoutProgress = 2, TermsInStage = 2, DaysInStage = 40,
            WeeksInStage = 40 / 7.0 });
        reviews.Holds("facts.ReviewsWithoutProgress >= 2 and facts.ReviewsInStage > facts.ReviewsWithoutProgress");
        reviews.Holds("Math.Floor(facts.WeeksInStage) == 5 && facts.TermsInStage * 2 >= 4");
        reviews.Holds("facts.DaysInStage / 7.0 > 5.7");
        reviews.Holds("!(facts.ReviewsInStage == 0)");
    }

    [Fact]
    public void Evaluate_EventAndState_CompareAsText() =>
        Given(new Facts { Event = "review.completed", State = "sen-support", Stage = 2 })
            .Holds("facts.Event == \"review.completed\" && facts.State != \"universal\" && facts.Stage == 2");
}
