namespace SendWorkflow.Host.Parents;

/// <summary>What the parent's page shows: the form, thanks, a request to wait, or that the link can't be used.</summary>
public enum ParentPageMode
{
    Form,
    Thanks,
    TooMany,
    Refused,
}
