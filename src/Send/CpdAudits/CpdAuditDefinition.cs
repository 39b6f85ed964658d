using System.Text.Json.Serialization;

namespace SendWorkflow.Send.CpdAudits;

/// <summary>
/// The SENCo's CPD audit as it ships in definitions/cpd-audit.json (schema: definitions/cpd-audit.schema.json): topics,
/// each with the statements of outstanding practice the SENCo rates, the common challenges and the points to consider.
/// </summary>
public sealed record CpdAuditDefinition(
    string Id, string Title, IReadOnlyList<CpdTopic> Topics, string? Note = null,
    [property: JsonPropertyName("$schema")] string? Schema = null)
{
    /// <summary>The statement with this id and its topic, or null.</summary>
    public (CpdTopic Topic, CpdStatement Statement)? Find(string? statementId)
    {
        foreach (var topic in Topics)
        {
            foreach (var statement in topic.Statements)
            {
                if (statement.Id == statementId) return (topic, statement);
            }
        }
        return null;
    }
}

/// <param name="Title">The topic, and the training need it stands for when one of its statements is a priority.</param>
/// <param name="Lead">The words before the statements ("Outstanding practice means that:").</param>
public sealed record CpdTopic(
    string Id, string Title, string Lead, IReadOnlyList<CpdStatement> Statements, IReadOnlyList<string> Challenges,
    IReadOnlyList<string> PointsToConsider, string? Note = null);

/// <param name="Id">Kept for good ("ta-1"): the school's ratings are stored against it year after year.</param>
/// <param name="ShortText">A few words, for the action plan's area ("short" in the file).</param>
public sealed record CpdStatement(string Id, [property: JsonPropertyName("short")] string ShortText, string Text);
