using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace SendWorkflow.Host.Security;

/// <summary>
/// Data Protection's key ring in the service's database rather than in a folder of one machine: several hosts of one
/// service (PostgreSQL) share it, so a sign-in cookie or an antiforgery token issued by one host works on another; and a
/// host moved to another machine keeps everyone signed in. The keys travel with the database's backups.
/// </summary>
internal sealed class DatabaseKeyRepository(IDbContextFactory<SendWorkflowDbContext> factory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = factory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = factory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord
        {
            FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
