using System.Text.Json;

namespace SendWorkflow.Workflows.Definitions;

/// <summary>The event a child workflow raises on the workflow that started it when it ends in this state.</summary>
public sealed record ParentNotification
{
    public string Event { get; init; } = "";
    public JsonElement? Data { get; init; }
}
