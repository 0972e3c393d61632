using Microsoft.EntityFrameworkCore;
using Needling.Protocols.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;

namespace Needling.Protocols.Data;

internal sealed class ProtocolsDbContext(DbContextOptions<ProtocolsDbContext> options) : DbContext(options)
{
    public const string Schema = "protocols";

    public DbSet<RuleSetRecord> RuleSets => Set<RuleSetRecord>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<RuleSetRecord>(e =>
        {
            e.ToTable("RuleSets");
            e.HasIndex(r => r.Version).IsUnique();
            e.Property(r => r.CreatedBy).HasMaxLength(100);
            e.Property(r => r.Note).HasMaxLength(2000);
        });
        b.AddAuditLog();
        b.UseModuleConventions(Schema, Database.IsSqlite());
    }
}
