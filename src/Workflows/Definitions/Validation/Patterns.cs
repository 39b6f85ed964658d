using System.Text.RegularExpressions;

namespace SendWorkflow.Workflows.Definitions.Validation;

internal static partial class Patterns
{
    /// <summary>Ids of definitions, milestones, forms and entry names: lower-case letters, digits and dashes.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    public static partial Regex Id();

    /// <summary>Parameter names, which rules read as <c>params.name</c>.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    public static partial Regex Name();
}
