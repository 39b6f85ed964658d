using SendWorkflow.Host.Studio;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Studio.Tests.Studio;

public sealed class DefinitionWordingTests
{
    [Theory]
    [InlineData("senco", "SENCo")]
    [InlineData("class-teacher", "Class teacher")]
    [InlineData("external-agencies", "External agencies")]
    [InlineData("sen-governor", "SEN governor")]
    [InlineData("subject-lead", "Subject lead")]
    public void Roles_ReadAsWords(string role, string words) => Assert.Equal(words, DefinitionWording.Role(role));

    [Fact]
    public void AnArrowWithoutALabel_SaysItsEventAndRule() =>
        Assert.Equal("When a review is completed and no progress after referral", DefinitionWording.Arrow(new TransitionDefinition
        {
            On = "review.completed", Rule = new RuleDefinition { Name = "NoProgressAfterReferral", Expression = "true" },
        }, new WorkflowDefinition { Events = new() { ["review.completed"] = new EventDefinition { When = "a review is completed" } } }));

    [Fact]
    public void AnEventTheDefinitionDoesNotWordFor_ReadsAsItsName() =>
        Assert.Equal("When transfer agreed", DefinitionWording.Arrow(new TransitionDefinition { On = "transfer.agreed" }, new WorkflowDefinition()));

    [Fact]
    public void Timeframe_FromAParameter_ReadsAsSchoolTime()
    {
        var d = new WorkflowDefinition { Parameters = new() { ["weeks"] = new ParameterDefinition { Unit = Units.SchoolWeeks, Default = 6 } } };
        Assert.Equal("6 school weeks", DefinitionWording.Timeframe(new When { Param = "weeks" }, d));
    }

    [Theory]
    [InlineData("autumn", "by the end of the autumn term")]
    [InlineData("summer", "by the end of the summer term")]
    public void Timeframe_AtTheEndOfATerm_SaysWhichTerm(string term, string words) =>
        Assert.Equal(words, DefinitionWording.Timeframe(new When { EndOfTerm = term }, new WorkflowDefinition()));

    [Fact]
    public void Timeframe_AtTheEndOfATerm_CountedFromTheStart_StillSaysTheTerm() =>
        Assert.Equal("by the end of the spring term",
            DefinitionWording.Timeframe(new When { EndOfTerm = "spring", From = "start" }, new WorkflowDefinition()));

    [Fact]
    public void UkDates_AreLondonDays() =>
        Assert.Equal("25/10/2026 23:30", UkDates.DayAndTime(new DateTime(2026, 10, 25, 23, 30, 0, DateTimeKind.Utc)));
}
