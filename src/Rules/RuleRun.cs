using NRules.Extensibility;
using NRules.RuleModel;

namespace SendWorkflow.Rules;

/// <summary>
/// What one session of the rules found: the rules that fired in agenda order, and the rules that could not be evaluated.
/// It is the session's dependency resolver, so a rule's action reaches it through <see cref="IContext.Resolve"/>.
/// </summary>
internal sealed class RuleRun : IDependencyResolver
{
    private readonly List<string> _fired = [];
    private readonly List<RuleError> _errors = [];

    public RuleRun(bool firstOnly) => FirstOnly = firstOnly;

    /// <summary>The hit policy "first": the first rule to fire halts the session.</summary>
    public bool FirstOnly { get; }

    public IReadOnlyList<string> Fired => _fired;

    public IReadOnlyList<RuleError> Errors => _errors;

    public object Resolve(IResolutionContext context, Type serviceType) => this;

    /// <summary>The action of every deciding rule: note it and, under "first", stop.</summary>
    public static void Record(IContext context)
    {
        var run = (RuleRun)context.Resolve(typeof(RuleRun));
        run._fired.Add(context.Rule.Name);
        if (run.FirstOnly)
        {
            context.Halt();
        }
    }

    public void Failed(IEnumerable<string> rules, Exception exception)
    {
        var reason = exception.InnerException?.Message ?? exception.Message;
        foreach (var rule in rules)
        {
            if (!_errors.Any(e => e.RuleName == rule))
            {
                _errors.Add(new RuleError(rule, reason));
            }
        }
    }
}
