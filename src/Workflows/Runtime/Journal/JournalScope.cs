using System.Text.Json;

namespace SendWorkflow.Workflows.Runtime.Journal;

/// <summary>Where journal entries go: one instance's chronology, in one unit of work, at one time, by one actor.</summary>
internal sealed record JournalScope(IWorkflowSession Session, Guid InstanceId, DateTime At, string? Actor)
{
    public void Write(string kind, string state, string detail) => Add(kind, state, detail, null);

    /// <param name="data">Serialized as the entry's JSON: the event data, the rule and facts that decided, ids.</param>
    public void Write(string kind, string state, string detail, object data) =>
        Add(kind, state, detail, JsonSerializer.Serialize(data));

    private void Add(string kind, string state, string detail, string? data) =>
        Session.Add(new JournalEntry
        {
            InstanceId = InstanceId,
            At = At,
            Kind = kind,
            State = state,
            Detail = detail,
            Data = data,
            Actor = Actor,
        });
}
