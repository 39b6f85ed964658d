namespace SendWorkflow.Persistence.Entities;

public sealed class School
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string BoroughId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
