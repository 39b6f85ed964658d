namespace SendWorkflow.Persistence.Entities;

/// <summary>
/// One key of ASP.NET Core Data Protection (which signs and encrypts sign-in cookies and antiforgery tokens), kept in
/// the database so that every host of one service shares the key ring: a cookie one host issued opens on another.
/// </summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    /// <summary>The key's XML, as Data Protection wrote it.</summary>
    public string Xml { get; set; } = "";
}
