using Microsoft.EntityFrameworkCore;
using Needling.Aftercare.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;

namespace Needling.Aftercare.Data;

internal sealed class AftercareDbContext(DbContextOptions<AftercareDbContext> options) : DbContext(options)
{
    public const string Schema = "aftercare";

    public DbSet<AftercareSheet> Sheets => Set<AftercareSheet>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<AftercareSheet>(e =>
        {
            e.ToTable("Sheets");
            e.Property(s => s.TreatmentCode).HasMaxLength(32);
            e.Property(s => s.Language).HasMaxLength(8);
            e.Property(s => s.PdfSha256).HasMaxLength(64);
            // One sheet per session: a fact delivered twice cannot make two.
            e.HasIndex(s => s.SessionId).IsUnique();
            e.HasIndex(s => s.PatientId);
        });
        b.Entity<Delivery>(e =>
        {
            e.ToTable("Deliveries");
            e.Property(d => d.Key).HasMaxLength(200);
            e.Property(d => d.Kind).HasMaxLength(32);
            e.Property(d => d.Status).HasMaxLength(16);
            e.Property(d => d.MessageId).HasMaxLength(200);
            e.Property(d => d.LastError).HasMaxLength(500);
            e.HasIndex(d => d.Key).IsUnique();
            // What the sender asks for: pending messages that are due, oldest first.
            e.HasIndex(d => d.DueAtUtc).HasFilter("status = 'pending'");
        });
        b.AddAuditLog();
        b.UseModuleConventions(Schema, Database.IsSqlite());
    }
}
