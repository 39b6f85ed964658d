namespace SendWorkflow.Persistence.Entities;

public static class DefinitionStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Retired = "retired";
}
