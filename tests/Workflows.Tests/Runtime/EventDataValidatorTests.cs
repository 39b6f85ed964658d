namespace SendWorkflow.Workflows.Tests.Runtime;

/// <summary>Event data is checked against the pathway's declaration of each event, listing every problem.</summary>
public class EventDataValidatorTests
{
    private static readonly WorkflowDefinition Pathway = Repo.Pathway();

    private static EventData Data(params (string Key, object? Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value));

    private static IReadOnlyList<string> Check(string eventName, EventData data) => EventDataValidator.Check(Pathway, eventName, data);

    [Theory]
    [InlineData("none")]
    [InlineData("little")]
    [InlineData("expected")]
    [InlineData("good")]
    public void ReviewCompleted_WithAnAllowedProgress_IsAccepted(string progress) =>
        Assert.Empty(Check("review.completed", Data(("progress", progress), ("notes", "Reading age up 6 months"))));

    [Fact]
    public void ReviewCompleted_WithoutProgress_IsRefused() =>
        Assert.Equal(["'progress' is required."], Check("review.completed", Data(("notes", "no outcome recorded"))));

    [Fact]
    public void ReviewCompleted_WithNullProgress_IsRefused() =>
        Assert.Equal(["'progress' is required."], Check("review.completed", Data(("progress", null))));

    [Theory]
    [InlineData("great")]
    [InlineData("Good")] // values are matched exactly
    [InlineData("")]
    public void ReviewCompleted_WithProgressOutsideTheList_IsRefusedListingTheAllowedValues(string progress)
    {
        var problem = Assert.Single(Check("review.completed", Data(("progress", progress))));

        Assert.Contains("none, little, expected, good", problem);
        Assert.Contains($"'{progress}'", problem);
    }

    [Fact]
    public void ReviewCompleted_WithSeveralProblems_ListsEveryOne()
    {
        var problems = Check("review.completed", Data(("progress", 3), ("notes", true)));

        Assert.Equal(3, problems.Count);
        Assert.Contains("'progress' must be text.", problems);
        Assert.Contains(problems, p => p.StartsWith("'progress' must be one of none, little, expected, good", StringComparison.Ordinal));
        Assert.Contains("'notes' must be text.", problems);
    }

    [Fact]
    public void AssessmentRequested_MissingByAndABadDate_ListsBothProblems()
    {
        var problems = Check("assessment.requested", Data(("requestedOn", "12/10/2026")));

        Assert.Equal(["'by' is required.", "'requestedOn' must be a date written yyyy-MM-dd."], problems);
    }

    [Fact]
    public void AssessmentRequested_ByParentOnADate_IsAccepted() =>
        Assert.Empty(Check("assessment.requested", Data(("by", "parent"), ("requestedOn", "2026-10-12"))));

    [Fact]
    public void AssessmentDecided_FlagAsText_IsRefused() =>
        Assert.Equal(["'assess' must be true or false."], Check("assessment.decided", Data(("assess", "no"))));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AssessmentDecided_WithAFlag_IsAccepted(bool assess) =>
        Assert.Empty(Check("assessment.decided", Data(("assess", assess))));

    [Fact]
    public void NumberField_RefusesText()
    {
        var d = Pathway with
        {
            Events = new() { ["score.recorded"] = new() { Data = new() { ["score"] = new FieldDefinition { Type = "number", Required = true } } } },
        };

        Assert.Equal(["'score' must be a number."], EventDataValidator.Check(d, "score.recorded", Data(("score", "ten"))));
        Assert.Empty(EventDataValidator.Check(d, "score.recorded", Data(("score", 10))));
    }

    [Fact]
    public void UndeclaredFields_AreIgnored() =>
        Assert.Empty(Check("review.completed", Data(("progress", "good"), ("mood", "happy"))));

    [Theory]
    [InlineData("plan.issued")]        // declared without data
    [InlineData("something.else")]     // not declared at all
    public void EventsWithoutDeclaredData_AcceptAnything(string eventName) =>
        Assert.Empty(Check(eventName, Data(("anything", 1))));
}
