namespace SendWorkflow.Rules.Tests;

/// <summary>The hit policy, findings and errors as NRules runs them: one session per decision.</summary>
public class NRulesDecisionTests
{
    private static readonly Dictionary<string, double> NoParams = [];

    private static RuleSet Compile(IReadOnlyList<RuleSource> rules, IReadOnlyList<RuleSource>? findings = null,
        Dictionary<string, double>? parameters = null)
    {
        var result = RuleSet.Compile("test v1", rules, parameters ?? NoParams, findings);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.RuleName}: {e.Message}")));
        return result.RuleSet!;
    }

    private static RuleSource Rule(string name, string expression, int priority = 0, string question = "q") =>
        new(name, expression) { Question = question, Priority = priority };

    private static RuleInput Input(Facts facts, params Review[] reviews) => new(facts, EventData.Empty) { Reviews = reviews };

    [Fact]
    public void Decide_SeveralHold_TheLowestPriorityThenTheFirstInTheFileDecides()
    {
        var rules = Compile([Rule("late", "true", priority: 2), Rule("first", "facts.Stage >= 1", priority: 1),
            Rule("second", "facts.Stage >= 1", priority: 1)]);

        var decision = rules.Decide("q", Input(new Facts { Stage = 1 }));

        Assert.Equal("first", decision.Rule);
        Assert.Equal(["first"], decision.Fired);
    }

    [Fact]
    public void Decide_TheFirstDoesNotHold_TheNextBySalienceDecides()
    {
        var rules = Compile([Rule("late", "true", priority: 2), Rule("first", "facts.Stage >= 3", priority: 1),
            Rule("second", "facts.Stage >= 1", priority: 1)]);

        Assert.Equal("second", rules.Decide("q", Input(new Facts { Stage = 1 })).Rule);
        Assert.Equal("late", rules.Decide("q", Input(new Facts())).Rule);
    }

    [Fact]
    public void Decide_OnlyTheRulesOfTheQuestionAnswer()
    {
        var rules = Compile([Rule("elsewhere", "true", priority: 0, question: "other"), Rule("here", "true", priority: 5)]);

        Assert.Equal("here", rules.Decide("q", Input(new Facts())).Rule);
        Assert.Null(rules.Decide("nobody asks this", Input(new Facts())).Rule);
    }

    [Fact]
    public void AllThatHold_FiresEveryRuleThatHolds_InSalienceOrder()
    {
        var rules = Compile([Rule("b", "facts.YearGroup == 6", 2), Rule("a", "true", 1), Rule("c", "facts.YearGroup == 11", 3)]);

        Assert.Equal(["a", "b"], rules.AllThatHold("q", Input(new Facts { YearGroup = 6 })).Fired);
    }

    [Fact]
    public void Decide_AnEarlierRuleThrows_ItDoesNotHold_TheNextDecides_AndTheErrorIsReported()
    {
        var rules = Compile([Rule("broken", "facts.Event.Length > 3", 1), Rule("fallback", "true", 2)]);

        var decision = rules.Decide("q", Input(new Facts { Event = null! }));

        Assert.Equal("fallback", decision.Rule);
        var error = Assert.Single(decision.Errors);
        Assert.Equal("broken", error.RuleName);
        Assert.Contains("Object reference", error.Message);
    }

    [Fact]
    public void AFinding_IsDerivedByForwardChaining_AndADecidingRuleReadsIt()
    {
        var rules = Compile(
            [Rule("escalate", "findings.PersistentConcern", 1), Rule("stay", "true", 2)],
            [new RuleSource("persistent-concern", "facts.ReviewsWithoutProgress >= 2")]);

        var concerned = rules.Decide("q", Input(new Facts { ReviewsWithoutProgress = 2 }));
        var fine = rules.Decide("q", Input(new Facts { ReviewsWithoutProgress = 1 }));

        Assert.Equal(("escalate", "persistent-concern"), (concerned.Rule, Assert.Single(concerned.Findings)));
        Assert.Equal("stay", fine.Rule);
        Assert.Empty(fine.Findings);
    }

    [Fact]
    public void AFinding_IsWithdrawn_WhenTheFactsItWasDerivedFromChange()
    {
        var rules = Compile([Rule("escalate", "findings.PersistentConcern")],
            [new RuleSource("persistent-concern", "facts.ReviewsWithoutProgress >= 2")]);
        var before = new Facts { ReviewsWithoutProgress = 2 };
        var run = new RuleRun(firstOnly: false);
        var session = rules.Open(run, "q", Input(before));
        session.Fire(TestContext.Current.CancellationToken);
        Assert.Equal(["persistent-concern"], RuleNetwork.FindingsIn(session));

        // The pupil's facts change (a new stage: no reviews yet): the old facts go and the new come in.
        session.Retract(before);
        session.Insert(new Facts { ReviewsWithoutProgress = 0 });
        session.Fire(TestContext.Current.CancellationToken);

        Assert.Empty(RuleNetwork.FindingsIn(session));
        Assert.Equal(["escalate"], run.Fired);
    }

    [Fact]
    public void AFinding_CountsReviewsOverAPeriod_WithAnAggregate()
    {
        var rules = Compile([Rule("escalate", "findings.TwoPoorReviewsInTwoTerms")],
            [new RuleSource("two-poor-reviews-in-two-terms", "reviews.Count(r => r.WithoutProgress && r.TermsAgo < 2) >= 2")]);
        var recentLittle = new Review { Progress = Progress.Little, TermsAgo = 0 };
        var lastTermNone = new Review { Progress = Progress.None, TermsAgo = 1 };
        var longAgoNone = new Review { Progress = Progress.None, TermsAgo = 3 };
        var recentGood = new Review { Progress = Progress.Good, TermsAgo = 0 };

        Assert.Equal("escalate", rules.Decide("q", Input(new Facts(), recentLittle, lastTermNone)).Rule);
        Assert.Null(rules.Decide("q", Input(new Facts(), recentLittle, longAgoNone, recentGood)).Rule);
        Assert.Null(rules.Decide("q", Input(new Facts())).Rule);
    }

    [Fact]
    public void AFinding_ThatDoesNotCompile_IsRefusedByName()
    {
        var result = RuleSet.Compile("test v1", [Rule("r", "true")], NoParams,
            [new RuleSource("persistent-concern", "facts.ReviewsWithoutProgres >= 2"), new RuleSource("other", "findings.Another")]);

        Assert.False(result.Succeeded);
        Assert.Equal(["finding:persistent-concern", "finding:other"], result.Errors.Select(e => e.RuleName));
        Assert.Contains("ReviewsWithoutProgress", result.Errors[0].Message);
    }

    [Fact]
    public void ADecidingRule_ReadingAnUnknownFinding_IsRefused()
    {
        var result = RuleSet.Compile("test v1", [Rule("r", "findings.Nothing")], NoParams, [new RuleSource("something", "true")]);

        Assert.Contains("findings.Nothing", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void WithParameters_TheSameRulesReadTheBoroughsValues()
    {
        var rules = Compile([Rule("due", "facts.SchoolWeeksInStage >= params.weeks")], parameters: new() { ["weeks"] = 6 });
        var borough = rules.WithParameters(new Dictionary<string, double> { ["weeks"] = 8, ["unknown"] = 1 });
        var input = Input(new Facts { SchoolWeeksInStage = 7 });

        Assert.Equal("due", rules.Decide("q", input).Rule);
        Assert.Null(borough.Decide("q", input).Rule);
        Assert.Equal(8, borough.Parameters["weeks"]);
    }

    [Fact]
    public void ExplainMatch_GivesTheValuesThatMattered()
    {
        var rules = Compile(
            [Rule("NoOrLittleProgress", "facts.SchoolWeeksInStage >= params.earlyInterventionWeeks "
                + "&& (facts.LastProgress == Progress.None || facts.LastProgress == Progress.Little)")],
            parameters: new() { ["earlyInterventionWeeks"] = 6 });
        var input = Input(new Facts { SchoolWeeksInStage = 7, LastProgress = Progress.Little });
        var decision = rules.Decide("q", input);

        var why = rules.ExplainMatch("NoOrLittleProgress", input, decision);

        Assert.Equal("SchoolWeeksInStage = 7 (needs >= 6), LastProgress = little", why.Matched);
        Assert.Equal("facts.SchoolWeeksInStage >= params.earlyInterventionWeeks", why.Conditions[0].Text);
        Assert.Equal("facts.LastProgress == Progress.None || facts.LastProgress == Progress.Little", why.Conditions[1].Text);
        Assert.Equal(("LastProgress", ConditionExplanation.OneOf, "little", "none or little"),
            (why.Conditions[1].Subject, why.Conditions[1].Operator, why.Conditions[1].Value, why.Conditions[1].Needs));
    }

    [Fact]
    public void Explain_ARuleThatDoesNotHoldYet_SaysWhichConditionFails()
    {
        var rules = Compile(
            [Rule("late", "facts.SchoolWeeksInStage >= params.weeks && data.Text(\"progress\") == \"little\"")],
            parameters: new() { ["weeks"] = 6 });

        var why = rules.Explain("late", Input(new Facts { SchoolWeeksInStage = 4 }));

        Assert.False(why.Holds);
        Assert.Equal(("SchoolWeeksInStage", "4", ">=", "6", false), (why.Conditions[0].Subject, why.Conditions[0].Value,
            why.Conditions[0].Operator, why.Conditions[0].Needs, why.Conditions[0].Holds));
        Assert.True(why.Conditions[1].ReadsEventData);
        Assert.False(why.Conditions[0].ReadsEventData);
    }
}
