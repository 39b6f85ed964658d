namespace SendWorkflow.Host.Persistence;

public static class DefinitionStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Retired = "retired";
}
