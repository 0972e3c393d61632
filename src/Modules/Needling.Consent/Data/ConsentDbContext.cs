using Microsoft.EntityFrameworkCore;
using Needling.Consent.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Outbox;

namespace Needling.Consent.Data;

internal sealed class ConsentDbContext(DbContextOptions<ConsentDbContext> options) : DbContext(options)
{
    public const string Schema = "consent";

    public DbSet<ConsentTemplate> Templates => Set<ConsentTemplate>();
    public DbSet<ConsentRequest> Requests => Set<ConsentRequest>();
    public DbSet<SignedConsent> Signed => Set<SignedConsent>();
    public DbSet<UpcomingAppointment> Upcoming => Set<UpcomingAppointment>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<ConsentTemplate>(e =>
        {
            e.ToTable("Templates");
            e.Property(t => t.TreatmentCode).HasMaxLength(32);
            e.Property(t => t.Language).HasMaxLength(8);
            e.Property(t => t.Title).HasMaxLength(300);
            e.Property(t => t.PublishedBy).HasMaxLength(100);
            e.Property(t => t.Note).HasMaxLength(2000);
            e.HasIndex(t => new { t.TreatmentCode, t.Version, t.Language }).IsUnique();
        });
        b.Entity<ConsentRequest>(e =>
        {
            e.ToTable("Requests");
            e.Property(r => r.TreatmentCode).HasMaxLength(32);
            e.Property(r => r.Status).HasMaxLength(16);
            e.HasIndex(r => new { r.PatientId, r.TreatmentCode, r.Status });
            e.HasIndex(r => r.AppointmentId);
        });
        b.Entity<SignedConsent>(e =>
        {
            e.ToTable("SignedConsents");
            e.Property(s => s.TreatmentCode).HasMaxLength(32);
            e.Property(s => s.Language).HasMaxLength(8);
            e.Property(s => s.TypedName).HasMaxLength(200);
            e.Property(s => s.Channel).HasMaxLength(16);
            e.Property(s => s.IpAddress).HasMaxLength(64);
            e.Property(s => s.UserAgent).HasMaxLength(500);
            e.Property(s => s.PdfSha256).HasMaxLength(64);
            e.Property(s => s.WithdrawnBy).HasMaxLength(100);
            e.Property(s => s.WithdrawalReason).HasMaxLength(1000);
            e.HasIndex(s => new { s.PatientId, s.TreatmentCode, s.SignedAtUtc });
            e.HasIndex(s => s.RequestId).IsUnique();
        });
        b.Entity<UpcomingAppointment>(e =>
        {
            e.ToTable("UpcomingAppointments");
            e.HasKey(a => a.AppointmentId);
            e.Property(a => a.AppointmentId).ValueGeneratedNever();
            e.Property(a => a.TreatmentCode).HasMaxLength(32);
            e.HasIndex(a => new { a.PatientId, a.TreatmentCode, a.StartUtc });
            e.HasIndex(a => new { a.TreatmentCode, a.StartUtc });
        });
        b.AddAuditLog();
        b.AddInbox();
        b.AddOutbox();
        b.UseModuleConventions(Schema, Database.IsSqlite());
    }
}
