using Microsoft.EntityFrameworkCore;

namespace Needling.SharedKernel.Audit;

public static class AuditModelExtensions
{
    /// <summary>Each module keeps its audit trail in its own schema, written in the same transaction.</summary>
    public static void AddAuditLog(this ModelBuilder model)
    {
        model.Entity<AuditRecord>(b =>
        {
            b.ToTable("AuditLog");
            b.HasKey(a => a.Id);
            b.Property(a => a.Actor).HasMaxLength(100);
            b.Property(a => a.Action).HasMaxLength(40);
            b.Property(a => a.EntityType).HasMaxLength(100);
            b.Property(a => a.EntityId).HasMaxLength(100);
            b.Property(a => a.Fields).HasMaxLength(1000);
            b.HasIndex(a => new { a.EntityType, a.EntityId });
            b.HasIndex(a => a.AtUtc);
            // An auditor's question: who touched this patient's record, and when.
            b.HasIndex(a => new { a.PatientId, a.AtUtc });
        });
    }
}
