namespace SendWorkflow.Rules;

/// <summary>
/// The fact that says what is being decided (e.g. "which transition leaves this state on this event"), so only the
/// rules that answer it can activate; the others stop at their first, shared, test.
/// </summary>
public sealed class Question
{
    public Question(string key) => Key = key;

    public string Key { get; }
}
