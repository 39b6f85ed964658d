using System.Text.Json;
using System.Text.RegularExpressions;

namespace SendWorkflow.Send.CpdAudits;

/// <summary>Reads definitions/cpd-audit.json and checks what its schema says, and that every id is unique.</summary>
public static partial class CpdAuditFile
{
    public const string FileName = "cpd-audit.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The audit in the definitions folder, or null when the folder has none (a test's own folder, say).</summary>
    public static CpdAuditDefinition? LoadFrom(string definitionsFolder)
    {
        var file = Path.Combine(definitionsFolder, FileName);
        return File.Exists(file) ? Parse(File.ReadAllText(file), file) : null;
    }

    public static CpdAuditDefinition Parse(string json, string file = FileName)
    {
        CpdAuditDefinition? audit;
        try
        {
            audit = JsonSerializer.Deserialize<CpdAuditDefinition>(json, Json);
        }
        catch (JsonException e)
        {
            throw new CpdAuditDefinitionException(file, [e.Message]);
        }
        if (audit is null) throw new CpdAuditDefinitionException(file, ["The file is empty."]);
        var problems = Check(audit);
        return problems.Count == 0 ? audit : throw new CpdAuditDefinitionException(file, problems);
    }

    private static List<string> Check(CpdAuditDefinition audit)
    {
        var problems = new List<string>();
        if (!IdPattern().IsMatch(audit.Id)) problems.Add($"'{audit.Id}' is not an id (lower-case letters, digits and dashes).");
        if (audit.Topics.Count == 0) problems.Add("There are no topics.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in audit.Topics)
        {
            if (!IdPattern().IsMatch(topic.Id)) problems.Add($"Topic '{topic.Id}': its id is not lower-case letters, digits and dashes.");
            if (!ids.Add(topic.Id)) problems.Add($"Topic '{topic.Id}' is there twice.");
            if (string.IsNullOrWhiteSpace(topic.Title)) problems.Add($"Topic '{topic.Id}' has no title.");
            if (topic.Statements.Count == 0) problems.Add($"Topic '{topic.Id}' has no statements.");
            foreach (var s in topic.Statements)
            {
                if (!IdPattern().IsMatch(s.Id)) problems.Add($"Statement '{s.Id}': its id is not lower-case letters, digits and dashes.");
                if (!ids.Add(s.Id)) problems.Add($"Statement '{s.Id}' (topic '{topic.Id}'): the id is used twice.");
                if (string.IsNullOrWhiteSpace(s.Text) || string.IsNullOrWhiteSpace(s.ShortText)) problems.Add($"Statement '{s.Id}' has no text.");
                if (s.ShortText.Length > 100) problems.Add($"Statement '{s.Id}': its short text is over 100 characters.");
            }
        }
        return problems;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex IdPattern();
}
