using Microsoft.EntityFrameworkCore;
using Needling.Sessions.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Outbox;

namespace Needling.Sessions.Data;

internal sealed class SessionsDbContext(DbContextOptions<SessionsDbContext> options) : DbContext(options)
{
    public const string Schema = "sessions";

    public DbSet<TreatmentSession> Sessions => Set<TreatmentSession>();
    public DbSet<SessionOverride> Overrides => Set<SessionOverride>();
    public DbSet<SessionAmendment> Amendments => Set<SessionAmendment>();
    public DbSet<SessionEvent> Events => Set<SessionEvent>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<TreatmentSession>(e =>
        {
            e.ToTable("Sessions");
            e.Property(s => s.TreatmentCode).HasMaxLength(32);
            e.Property(s => s.Indication).HasMaxLength(64);
            e.Property(s => s.StartedBy).HasMaxLength(100);
            e.Property(s => s.SignedBy).HasMaxLength(100);
            e.Property(s => s.PlannedAreasJson).HasMaxLength(2000);
            e.Property(s => s.EligibilityOutcome).HasMaxLength(32);
            e.Property(s => s.Status).HasMaxLength(16);
            e.Property(s => s.Revision).IsConcurrencyToken();
            // One session per appointment, held by the database when two practitioners press "start" at once.
            e.HasIndex(s => s.AppointmentId).IsUnique();
            // The interval rule and the history read a patient's sessions by date.
            e.HasIndex(s => new { s.PatientId, s.StartedAtUtc });
        });
        b.Entity<SessionOverride>(e =>
        {
            e.ToTable("SessionOverrides");
            e.Property(o => o.Stage).HasMaxLength(16);
            e.Property(o => o.RuleId).HasMaxLength(200);
            e.Property(o => o.Finding).HasMaxLength(2000);
            e.Property(o => o.Reason).HasMaxLength(1000);
            e.Property(o => o.By).HasMaxLength(100);
            e.HasIndex(o => o.SessionId);
        });
        b.Entity<SessionAmendment>(e =>
        {
            e.ToTable("SessionAmendments");
            e.Property(a => a.Reason).HasMaxLength(1000);
            e.Property(a => a.By).HasMaxLength(100);
            e.HasIndex(a => new { a.SessionId, a.Number }).IsUnique();
        });
        b.Entity<SessionEvent>(e =>
        {
            e.ToTable("SessionEvents");
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.RuleId).HasMaxLength(200);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.HasIndex(x => x.AppointmentId);
            e.HasIndex(x => x.SessionId);
        });
        b.AddAuditLog();
        b.AddOutbox();
        b.UseModuleConventions(Schema, Database.IsSqlite());
    }
}
