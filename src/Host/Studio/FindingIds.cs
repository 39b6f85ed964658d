using System.Text.RegularExpressions;
using SendWorkflow.Rules;
using SendWorkflow.Workflows.Definitions;

namespace SendWorkflow.Host.Studio;

/// <summary>Whether an id can name a new finding of a definition, in the words the designer shows.</summary>
public static partial class FindingIds
{
    /// <summary>Null when the id will do; otherwise what is wrong with it.</summary>
    public static string? Problem(string id, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!Pattern().IsMatch(id))
            return $"'{id}' can't be a finding's id: use lower-case letters, digits and dashes, starting with a letter (e.g. persistent-concern).";
        if (definition.Findings.ContainsKey(id)) return $"There is already a finding '{id}'.";
        var name = Finding.PropertyName(id);
        var same = definition.Findings.Keys.FirstOrDefault(k => string.Equals(Finding.PropertyName(k), name, StringComparison.OrdinalIgnoreCase));
        return same is null ? null : $"Rules would read '{id}' as findings.{name}, the same as the finding '{same}'.";
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex Pattern();
}
