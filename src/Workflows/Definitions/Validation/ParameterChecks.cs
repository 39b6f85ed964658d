namespace SendWorkflow.Workflows.Definitions.Validation;

internal static class ParameterChecks
{
    public static void Check(WorkflowDefinition d, DefinitionProblems p)
    {
        foreach (var (name, parameter) in d.Parameters)
        {
            CheckOne(name, parameter, p);
        }
        // Rules read params.name ignoring capitals, so two names that differ only in capitals can't be told apart.
        foreach (var group in d.Parameters.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var name in group.Skip(1))
            {
                p.Error("duplicate-parameter",
                    $"Parameters '{group.First()}' and '{name}' differ only in capitals, which rules can't tell apart.", "parameter", name);
            }
        }
    }

    private static void CheckOne(string name, ParameterDefinition parameter, DefinitionProblems p)
    {
        if (!Units.All.Contains(parameter.Unit))
        {
            p.Error("unknown-unit",
                $"Parameter '{name}' has unknown unit '{parameter.Unit}' (use one of {string.Join(", ", Units.All)}).", "parameter", name);
        }
        if (parameter.Default is null)
            p.Error("parameter-without-default", $"Parameter '{name}' has no default value.", "parameter", name);
        else if (parameter.Default < 0)
            p.Error("negative-parameter", $"Parameter '{name}' cannot be negative.", "parameter", name);
        if (parameter.Law is { } law)
        {
            if (string.IsNullOrWhiteSpace(law.Regulation))
            {
                p.Error("law-without-regulation",
                    $"Parameter '{name}' has a statutory limit but does not name the regulation.", "parameter", name);
            }
            if (law.Max is null == law.Min is null)
                p.Error("invalid-law", $"Parameter '{name}': a statutory limit gives exactly one of 'max' or 'min'.", "parameter", name);
            if (law.Max < 0 || law.Min < 0)
                p.Error("invalid-law", $"Parameter '{name}': a statutory limit cannot be negative.", "parameter", name);
            if (parameter.Default is { } value && law.IsLooserThanLaw(value))
            {
                p.Warn("looser-than-law",
                    $"Parameter '{name}' defaults to {value}, looser than the law ({law.Regulation}).", "parameter", name);
            }
        }
        if (!Patterns.Name().IsMatch(name))
        {
            p.Error("invalid-parameter-name",
                $"Parameter name '{name}' must start with a letter and use only letters and digits.", "parameter", name);
        }
    }
}
