using System.Reflection;

namespace SendWorkflow.Rules;

/// <summary>
/// A fact derived by a rule (a definition's finding, e.g. "persistent-concern"): inserted while its rule holds and
/// withdrawn when it no longer does. Other rules read it as <c>findings.PersistentConcern</c>.
/// </summary>
public sealed class Finding
{
    internal static readonly MethodInfo HoldsMethod = typeof(Finding).GetMethod(nameof(Holds), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Finding(string id) => Id = id;

    /// <summary>The finding's id in the definition, e.g. "persistent-concern".</summary>
    public string Id { get; }

    /// <summary>How rules name a finding: "persistent-concern" is <c>findings.PersistentConcern</c>.</summary>
    public static string PropertyName(string id) =>
        string.Concat(id.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    // What findings.X becomes once parsed: whether the collected findings include X.
    internal static bool Holds(IEnumerable<Finding> found, string id)
    {
        foreach (var finding in found)
        {
            if (string.Equals(finding.Id, id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
