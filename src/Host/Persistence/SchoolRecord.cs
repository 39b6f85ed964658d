namespace SendWorkflow.Host.Persistence;

public sealed class SchoolRecord
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string BoroughId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
