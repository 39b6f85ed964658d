using System.Globalization;

namespace SendWorkflow.Workflows.Tests.Calendars;

/// <summary>
/// <c>{ "endOfTerm": "spring" }</c> is the last school day of that term of the academic year (1 September to
/// 31 August) the anchor falls in, on the borough's calendar; a term is known by the month it starts in.
/// </summary>
public class EndOfTermTests
{
    private static readonly CompiledDefinition Pathway = Repo.CompiledPathway;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    private static DateOnly Resolve(string term, string anchor, SchoolCalendar? calendar = null) =>
        SchoolTime.Resolve(new When { EndOfTerm = term }, D(anchor), calendar ?? Repo.DemoCalendar, Pathway);

    [Theory]
    [InlineData("2026-09-01", "autumn", "2026-12-18")] // before the first day of term: the year has begun
    [InlineData("2026-09-01", "spring", "2027-03-26")]
    [InlineData("2026-09-01", "summer", "2027-07-21")]
    [InlineData("2026-12-18", "autumn", "2026-12-18")] // the last day of the term itself
    [InlineData("2026-12-25", "spring", "2027-03-26")] // in the Christmas holiday
    [InlineData("2027-01-05", "autumn", "2026-12-18")] // January is still 2026-27
    [InlineData("2027-01-05", "summer", "2027-07-21")]
    [InlineData("2027-06-10", "autumn", "2026-12-18")] // already past: whether that matters is the caller's business
    [InlineData("2027-06-10", "summer", "2027-07-21")]
    [InlineData("2027-08-31", "spring", "2027-03-26")] // the last day of the academic year
    [InlineData("2027-09-01", "autumn", "2027-12-17")] // the first day of the next one
    [InlineData("2025-09-03", "summer", "2026-07-22")]
    public void Resolve_IsTheLastSchoolDayOfTheTermOfTheAnchorsAcademicYear(string anchor, string term, string expected) =>
        Assert.Equal(D(expected), Resolve(term, anchor));

    [Fact]
    public void ATerm_IsKnownByTheMonthItStarts_NotByItsName_AndAnAutumnTermMayStartInAugust()
    {
        var doc = Repo.DemoCalendarDocument();
        var terms = doc.Terms.Select((t, i) => t with { Name = $"Term {i}" }).ToList();
        var autumn = terms.FindIndex(t => t.Start == D("2026-09-02"));
        terms[autumn] = terms[autumn] with { Start = D("2026-08-27") };
        var calendar = SchoolCalendar.From(doc with { Terms = terms });

        Assert.Equal(D("2026-12-18"), Resolve("autumn", "2026-09-01", calendar));
        Assert.Equal(D("2027-03-26"), Resolve("spring", "2026-10-01", calendar));
    }

    [Fact]
    public void ATermEndingOnASaturday_EndsOnItsLastSchoolDay()
    {
        var doc = Repo.DemoCalendarDocument();
        var terms = doc.Terms.Select(t => t.Start == D("2027-01-05") ? t with { End = D("2027-03-27") } : t).ToList();
        var calendar = SchoolCalendar.From(doc with { Terms = terms, Closures = [.. doc.Closures, new Closure(D("2027-03-26"), "Staff training")] });

        Assert.Equal(D("2027-03-25"), Resolve("spring", "2026-09-01", calendar));
    }

    [Fact]
    public void AYearTheCalendarDoesNotCover_IsASchoolCalendarError_NeverAGuess()
    {
        var error = Assert.Throws<SchoolCalendarException>(() => Resolve("spring", "2028-09-01"));

        Assert.Equal("demo-borough", error.CalendarId);
        Assert.Contains("spring term in 2028-29", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AYearWithoutThatTerm_IsASchoolCalendarError()
    {
        var doc = Repo.DemoCalendarDocument();
        var calendar = SchoolCalendar.From(doc with { Terms = [.. doc.Terms.Where(t => t.Start != D("2027-04-12"))] });

        Assert.Throws<SchoolCalendarException>(() => Resolve("summer", "2026-09-01", calendar));
        Assert.Equal(D("2027-03-26"), Resolve("spring", "2026-09-01", calendar));
    }

    [Fact]
    public void Describe_SaysWhichTerm() =>
        Assert.Equal("the end of the autumn term", SchoolTime.Describe(new When { EndOfTerm = "autumn" }, Pathway.Definition));

    [Fact]
    public void EndOfTerm_CountsAsTheOneTimeGiven()
    {
        Assert.Equal(1, new When { EndOfTerm = "summer" }.CountSet());
        Assert.Equal(2, new When { EndOfTerm = "summer", SchoolDays = 3 }.CountSet());
    }

    [Theory]
    [InlineData("Autumn")]
    [InlineData("winter")]
    [InlineData("")]
    public void Validate_ATermThatIsNotOneOfTheThree_IsRefused(string term)
    {
        var report = DefinitionValidator.Validate(WithNoteDue(new When { EndOfTerm = term }));

        var error = Assert.Single(report.Errors, e => e.Code == "invalid-term");
        Assert.Equal(("state", "watching"), (error.TargetKind, error.TargetId));
        Assert.Contains($"'{term}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("autumn, spring or summer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EndOfTermWithAnotherTime_IsRefused()
    {
        var report = DefinitionValidator.Validate(WithNoteDue(new When { EndOfTerm = "autumn", SchoolWeeks = 2 }));

        var error = Assert.Single(report.Errors, e => e.Code == "invalid-time");
        Assert.Contains("endOfTerm", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("autumn")]
    [InlineData("spring")]
    [InlineData("summer")]
    public void Validate_EachTermOfTheYear_IsAccepted(string term)
    {
        var report = DefinitionValidator.Validate(WithNoteDue(new When { EndOfTerm = term }));

        Assert.DoesNotContain(report.Errors, e => e.Code is "invalid-term" or "invalid-time");
    }

    [Fact]
    public void EndOfTerm_SurvivesAJsonRoundTrip()
    {
        var d = WithNoteDue(new When { EndOfTerm = "spring", From = "start" });

        var again = DefinitionJson.Parse(DefinitionJson.Serialize(d));

        Assert.Equal(new When { EndOfTerm = "spring", From = "start" }, again.State("watching").Tasks.Single(t => t.Id == "note").Due);
        Assert.Contains("\"endOfTerm\": \"spring\"", DefinitionJson.Serialize(d), StringComparison.Ordinal);
    }

    private static WorkflowDefinition WithNoteDue(When due) =>
        Runtime.Engine.SmallDefinitions.Watch().WithState("watching",
            s => s with { Tasks = [.. s.Tasks.Select(t => t.Id == "note" ? t with { Due = due } : t)] });
}

/// <summary>definitions/definition.schema.json knows endOfTerm: one of the three terms, and alone.</summary>
public class EndOfTermSchemaTests
{
    [Theory]
    [InlineData("""{ "endOfTerm": "autumn" }""", true)]
    [InlineData("""{ "endOfTerm": "summer", "from": "start" }""", true)]
    [InlineData("""{ "endOfTerm": "winter" }""", false)]
    [InlineData("""{ "endOfTerm": "spring", "schoolDays": 5 }""", false)]
    public async Task TheSchema_TakesOneOfTheThreeTerms_Alone(string due, bool valid)
    {
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(Repo.Root, "definitions", "definition.schema.json"),
            TestContext.Current.CancellationToken);
        var file = Path.Combine(Repo.Root, "definitions", "workflows", "senco-monitoring.json");
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!;
        doc["states"]![0]!["tasks"]![0]!["due"] = System.Text.Json.Nodes.JsonNode.Parse(due);

        Assert.Equal(valid, schema.Validate(doc.ToJsonString()).Count == 0);
    }
}
