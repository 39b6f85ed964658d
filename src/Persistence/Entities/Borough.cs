namespace SendWorkflow.Persistence.Entities;

public sealed class Borough
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string CalendarId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
