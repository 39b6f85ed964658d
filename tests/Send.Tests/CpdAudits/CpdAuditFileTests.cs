using SendWorkflow.Send.CpdAudits;

namespace SendWorkflow.Send.Tests.CpdAudits;

/// <summary>definitions/cpd-audit.json is read whole, and a broken audit names its problems instead of starting half-right.</summary>
public sealed class CpdAuditFileTests
{
    private static string Definitions()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "definitions", CpdAuditFile.FileName))) return Path.Combine(dir.FullName, "definitions");
        }
        throw new DirectoryNotFoundException("definitions/cpd-audit.json is not above the test's folder.");
    }

    private const string Valid = """
        { "id": "audit", "title": "Audit", "topics": [ { "id": "t", "title": "Topic", "lead": "Means:", "challenges": [], "pointsToConsider": [],
          "statements": [ { "id": "t-1", "short": "One", "text": "The first." }, { "id": "t-2", "short": "Two", "text": "The second." } ] } ] }
        """;

    [Fact]
    public void TheShippedAudit_HasTheSeedsTenTopics_AndAStableIdForEachStatement()
    {
        var audit = CpdAuditFile.LoadFrom(Definitions())!;

        Assert.Equal(10, audit.Topics.Count);
        var statements = audit.Topics.SelectMany(t => t.Statements).ToList();
        Assert.Equal(statements.Count, statements.Select(s => s.Id).Distinct().Count());
        Assert.Equal(["ta-1", "ta-2", "ta-3", "ta-4", "ta-5"], audit.Topics[0].Statements.Select(s => s.Id));
        Assert.Equal("Knowledgeable about SEND", audit.Topics[0].Statements[0].ShortText);
        Assert.Contains(audit.Topics[0].PointsToConsider, p => p.Contains("at least every other week", StringComparison.Ordinal));
        Assert.Contains(audit.Topics[1].PointsToConsider, p => p.Contains("entry and exit criteria", StringComparison.Ordinal));
        Assert.Equal(("Interventions", "int-2"), (audit.Find("int-2")!.Value.Topic.Title, audit.Find("int-2")!.Value.Statement.Id));
        Assert.Null(audit.Find("ta-99"));
    }

    [Fact]
    public void AFolderWithoutAnAudit_HasNone()
    {
        var folder = Directory.CreateTempSubdirectory("sendworkflow-cpd-");
        try
        {
            Assert.Null(CpdAuditFile.LoadFrom(folder.FullName));
        }
        finally
        {
            folder.Delete();
        }
        Assert.Throws<Problems.NotFoundException>(() => new CpdAuditSource(null).Audit);
    }

    [Theory]
    [InlineData("\"t-2\"", "\"t-1\"", "the id is used twice")]
    [InlineData("\"id\": \"t-1\"", "\"id\": \"T 1\"", "not lower-case letters")]
    [InlineData("\"lead\"", "\"leed\"", "leed")]
    [InlineData(", \"short\": \"Two\"", "", "short")]
    [InlineData("\"statements\": [", "\"statements\": [], \"x\": [", "x")]
    public void ABrokenAudit_IsRefused_NamingWhatIsWrong(string from, string to, string expected)
    {
        var json = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);

        var e = Assert.Throws<CpdAuditDefinitionException>(() => CpdAuditFile.Parse(json, "cpd-audit.json"));

        Assert.Contains("cpd-audit.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValidAudit_IsRead() => Assert.Equal(2, CpdAuditFile.Parse(Valid).Topics[0].Statements.Count);
}
