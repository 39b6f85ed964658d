using SendWorkflow.Host.Studio;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Studio.Tests.Studio;

public sealed class RuleSuggestionsTests
{
    private static WorkflowDefinition Definition() => Definitions.Chain("suggest", 3) with
    {
        Findings = new() { ["persistent-concern"] = new FindingDefinition { Expression = "facts.Stage == 1", Label = "Persistent concern" } },
    };

    private static List<string> Offered(string typed, bool isFinding = false, string? eventName = "review.completed") =>
        RuleSuggestions.Matching(RuleSuggestions.All(Definition(), eventName, isFinding), RuleSuggestions.WordAt(typed, typed.Length))
            .Select(s => s.Text).ToList();

    [Fact]
    public void ANameIsOfferedByWhatItStartsWith_AndByAnyPartOfIt()
    {
        Assert.Equal(["params.reviewWeeks"], Offered("facts.SchoolWeeksInStage >= params.rev"));
        Assert.Contains("params.reviewWeeks", Offered("facts.SchoolWeeksInStage >= review"));
        Assert.Equal(["facts.SchoolDaysInStage", "facts.SchoolWeeksInStage"], Offered("facts.School"));
        Assert.Contains("facts.SchoolWeeksInStage", Offered("weeksin"));
        Assert.Contains("findings.PersistentConcern", Offered("concern"));
        Assert.Contains("Progress.Little", Offered("facts.LastProgress == Progress.L"));
        Assert.Contains("r.WithoutProgress", Offered("reviews.Count(r => r.With"));
        Assert.Contains("reviews.Count(r => r.WithoutProgress)", Offered("reviews"));
    }

    [Fact]
    public void TheEventsDataIsOffered_WithTheReaderForItsType_ButNotToAFindingsOwnRule()
    {
        Assert.Equal(["data.Text(\"progress\")"], Offered("data.pro"));
        Assert.Empty(Offered("data.pro", eventName: "assessment.requested"));
        Assert.Empty(Offered("data.pro", isFinding: true));
        Assert.Empty(Offered("findings.Pers", isFinding: true));
    }

    [Fact]
    public void NothingIsOfferedForANumber_NothingTyped_OrANameTypedInFull()
    {
        Assert.Empty(Offered("facts.SchoolWeeksInStage >= 6"));
        Assert.Empty(Offered("facts.SchoolWeeksInStage >= "));
        Assert.Empty(Offered("params.reviewWeeks"));
        Assert.True(Offered("f").Count <= RuleSuggestions.Shown);
    }

    [Fact]
    public void PickingOne_ReplacesTheNameBeingTypedAtTheCaret_AndPutsTheCaretAfterIt()
    {
        var pick = new RuleSuggestion("params.reviewWeeks", "");
        Assert.Equal(("facts.SchoolWeeksInStage >= params.reviewWeeks", 46), RuleSuggestions.Insert("facts.SchoolWeeksInStage >= revi", 32, pick));
        var text = "facts.SchoolWeeksInStage >= revi && facts.Stage == 1";
        var (inserted, caret) = RuleSuggestions.Insert(text, 32, pick);
        Assert.Equal("facts.SchoolWeeksInStage >= params.reviewWeeks && facts.Stage == 1", inserted);
        Assert.Equal(46, caret);
        Assert.Equal(("params.reviewWeeks", 18), RuleSuggestions.Insert(null, 5, pick));
    }

    [Fact]
    public void AFindingsIdMustBeLowerCaseWithDashes_AndReadAsANameNoOtherFindingHas()
    {
        var d = Definition();
        Assert.Null(FindingIds.Problem("no-progress", d));
        Assert.Contains("lower-case", FindingIds.Problem("No progress", d));
        Assert.Contains("already", FindingIds.Problem("persistent-concern", d));
        Assert.Contains("the finding 'persistent-concern'", FindingIds.Problem("persistentconcern", d));
    }
}
