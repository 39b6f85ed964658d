namespace SendWorkflow.Rules;

public enum Progress
{
    Unknown = 0,
    None = 1,
    Little = 2,
    Expected = 3,
    Good = 4,
}
