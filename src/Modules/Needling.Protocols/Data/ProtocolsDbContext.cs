using Microsoft.EntityFrameworkCore;
using Needling.Protocols.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;

namespace Needling.Protocols.Data;

internal sealed class ProtocolsDbContext(DbContextOptions<ProtocolsDbContext> options) : DbContext(options)
{
    public const string Schema = "protocols";

    public DbSet<RuleSetRecord> RuleSets => Set<RuleSetRecord>();

    public DbSet<RuleChangeProposal> RuleChangeProposals => Set<RuleChangeProposal>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<RuleSetRecord>(e =>
        {
            e.ToTable("RuleSets");
            e.HasIndex(r => r.Version).IsUnique();
            e.Property(r => r.CreatedBy).HasMaxLength(100);
            e.Property(r => r.Note).HasMaxLength(2000);
        });
        b.Entity<RuleChangeProposal>(e =>
        {
            e.ToTable("RuleChangeProposals");
            e.HasIndex(p => p.Status);
            e.Property(p => p.RuleId).HasMaxLength(100);
            e.Property(p => p.Kind).HasMaxLength(20);
            e.Property(p => p.Note).HasMaxLength(2000);
            e.Property(p => p.Reasons).HasMaxLength(4000);
            e.Property(p => p.ProposedBy).HasMaxLength(100);
            e.Property(p => p.Status).HasMaxLength(20);
            e.Property(p => p.DecidedBy).HasMaxLength(100);
            e.Property(p => p.DecisionNote).HasMaxLength(2000);
        });
        b.AddAuditLog();
        b.UseModuleConventions(Schema, Database.IsSqlite());
    }
}
