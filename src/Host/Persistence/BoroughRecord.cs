namespace SendWorkflow.Host.Persistence;

public sealed class BoroughRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string CalendarId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
