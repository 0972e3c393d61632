using Microsoft.EntityFrameworkCore;
using Needling.Aftercare.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Outbox;

namespace Needling.Aftercare.Data;

internal sealed class AftercareDbContext(DbContextOptions<AftercareDbContext> options) : DbContext(options)
{
    public const string Schema = "aftercare";

    public DbSet<AftercareSheet> Sheets => Set<AftercareSheet>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

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
        b.Entity<FollowUp>(e =>
        {
            e.ToTable("FollowUps");
            e.Property(f => f.TreatmentCode).HasMaxLength(32);
            e.Property(f => f.Language).HasMaxLength(8);
            e.Property(f => f.Answer).HasMaxLength(8);
            e.Property(f => f.Text).HasMaxLength(4000);
            e.Property(f => f.PhotoType).HasMaxLength(32);
            e.Property(f => f.AcknowledgedBy).HasMaxLength(100);
            e.Property(f => f.ClosedBy).HasMaxLength(100);
            e.Property(f => f.CloseNote).HasMaxLength(2000);
            e.HasIndex(f => new { f.SessionId, f.Day }).IsUnique();
            // The practitioner's list: their open reports and unanswered check-ins.
            e.HasIndex(f => new { f.PractitionerId, f.ClosedAtUtc });
        });
        b.AddAuditLog();
        b.AddInbox();
        b.UseModuleConventions(Schema, Database.IsSqlite());
    }
}
