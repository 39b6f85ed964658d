namespace SendWorkflow.Workflows.Tests.Definitions;

/// <summary>
/// definitions/workflows/senco-monitoring.json, the SENCo's monitoring schedule (seed 000): every activity of the
/// schedule is a task due by the end of its term, the termly ones once in each term.
/// </summary>
public class SencoMonitoringDefinitionTests
{
    private static readonly string[] Terms = ["autumn", "spring", "summer"];

    private static readonly string[] Termly = ["ipm-review", "progress-data", "provision-map", "sen-register", "governor-report", "sst-meeting"];

    private static WorkflowDefinition Load() =>
        DefinitionJson.Parse(File.ReadAllText(Path.Combine(Repo.Root, "definitions", "workflows", "senco-monitoring.json")));

    private static List<TaskDefinition> Tasks() => Load().State("running").Tasks;

    [Fact]
    public void TheDefinition_Loads_ValidatesWithNoErrorsOrWarnings_AndCompiles()
    {
        var d = Load();

        var report = DefinitionValidator.Validate(d);

        Assert.Equal(("senco-monitoring", 1, "SENCo monitoring schedule"), (d.Id, d.Version, d.Name));
        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
        Assert.Equal("senco-monitoring", CompiledDefinition.Compile(d).Definition.Id);
    }

    [Fact]
    public void EveryTask_IsDueByTheEndOfItsTerm_WarnsTenSchoolDaysBefore_AndShowsItsForm()
    {
        var tasks = Tasks();

        Assert.Equal(30, tasks.Count);
        Assert.Equal(tasks.Count, tasks.Select(t => t.Id).Distinct().Count());
        Assert.All(tasks, t =>
        {
            var term = t.Id.Split('-')[^1];
            Assert.Contains(term, Terms);
            Assert.Equal(new When { EndOfTerm = term }, t.Due);
            Assert.Equal(new When { SchoolDays = 10 }, t.Warn);
            // The termly meeting with the SEN governor keeps minutes; every other activity records what it found.
            Assert.Equal(t.Id.StartsWith("governor-report-", StringComparison.Ordinal) ? "governor-meeting" : "monitoring", t.Form);
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
            Assert.Contains("Focus:", t.Description, StringComparison.Ordinal);
            Assert.Contains("Responsible:", t.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TheTermlyActivities_ComeOnceInEachTerm_AndTheTermsHaveTheirOwn()
    {
        var ids = Tasks().Select(t => t.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(Termly.SelectMany(a => Terms.Select(t => $"{a}-{t}")), id => Assert.Contains(id, ids));
        Assert.Equal(18, ids.Count(id => Termly.Any(a => id.StartsWith(a + "-", StringComparison.Ordinal))));
        Assert.Equal(
            [
                "interventions-autumn", "language-link-reception-autumn", "planning-scrutiny-autumn",
                "classroom-visits-spring", "interventions-spring", "language-link-years-1-2-spring", "sats-concessions-spring",
                "action-plan-review-summer", "interventions-summer", "language-link-reception-summer", "transition-summer",
                "work-scrutiny-summer",
            ],
            ids.Where(id => !Termly.Any(a => id.StartsWith(a + "-", StringComparison.Ordinal)))
                .OrderBy(id => Array.IndexOf(Terms, id.Split('-')[^1])).ThenBy(id => id, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ipm-review-autumn", "class-teacher", "")]
    [InlineData("progress-data-spring", "senco", "admin-support")]
    [InlineData("provision-map-summer", "senco", "class-teacher teaching-assistant")]
    [InlineData("sen-register-autumn", "admin-support", "")]
    [InlineData("governor-report-spring", "senco", "sen-governor")]
    [InlineData("sst-meeting-summer", "senco", "headteacher")]
    [InlineData("planning-scrutiny-autumn", "senco", "subject-lead headteacher")]
    [InlineData("interventions-autumn", "senco", "subject-lead")]
    [InlineData("interventions-summer", "senco", "subject-lead headteacher")]
    [InlineData("language-link-reception-autumn", "class-teacher", "")]
    [InlineData("classroom-visits-spring", "senco", "")]
    [InlineData("sats-concessions-spring", "class-teacher", "subject-lead")]
    [InlineData("language-link-years-1-2-spring", "class-teacher", "")]
    [InlineData("transition-summer", "senco", "class-teacher")]
    [InlineData("action-plan-review-summer", "senco", "headteacher")]
    public void EachActivity_IsTheRoleThatDoesTheWork_WithTheOthersNamedAbleToComplete(string id, string role, string others)
    {
        var task = Tasks().Single(t => t.Id == id);

        Assert.Equal(role, task.Role);
        Assert.Equal(others.Split(' ', StringSplitOptions.RemoveEmptyEntries), task.CompletedBy);
    }

    [Theory]
    [InlineData("sst-meeting-autumn", "outside agencies")]
    [InlineData("language-link-reception-autumn", "Reception class teachers")]
    [InlineData("language-link-years-1-2-spring", "Year 1 and Year 2 class teachers")]
    [InlineData("sats-concessions-spring", "Year 6 teachers with external agencies and the literacy and numeracy co-ordinators")]
    [InlineData("transition-summer", "the SENCo of the receiving school")]
    [InlineData("action-plan-review-summer", "findings from parents, children, governors, staff and external agencies")]
    public void TheDescription_SaysWhoIsResponsible_AsTheScheduleDoes(string id, string words) =>
        Assert.Contains(words, Tasks().Single(t => t.Id == id).Description, StringComparison.Ordinal);

    [Fact]
    public void TheSencoMayCompleteAnything_EscalationsGoToTheSenco_AndTheYearEndIsTheWorkflowsOwnEvent()
    {
        var d = Load();

        Assert.Equal(["senco"], d.CompletedBy);
        Assert.Equal("senco", d.EscalateTo);
        Assert.Null(d.State("running").Stage);
        Assert.Equal("running", d.InitialState);
        Assert.True(d.State("closed").Terminal);
        var timers = d.State("running").Timers.ToDictionary(t => t.Id);
        Assert.Equal(["year-end", "ta-line-management"], timers.Keys);
        Assert.Equal((new When { Date = "08-31" }, "year.ended"), (timers["year-end"].After, timers["year-end"].Raises));
        // Seed 004: the SENCo meets the teaching assistants at least every other week.
        var meetings = timers["ta-line-management"];
        Assert.Equal((new When { SchoolWeeks = 2 }, "senco", "line-management"), (meetings.Every, meetings.Task!.Role, meetings.Task.Form));
        Assert.Equal([], d.Events["year.ended"].RaisedBy);
        Assert.Empty(d.Events["year.ended"].Data);
        var end = Assert.Single(d.Transitions);
        Assert.Equal(("running", "closed", "year.ended"), (end.From, end.To, end.On));
    }
}
