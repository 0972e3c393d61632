using Microsoft.EntityFrameworkCore;
using Needling.Patients.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;

namespace Needling.Patients.Data;

internal sealed class PatientsDbContext(DbContextOptions<PatientsDbContext> options) : DbContext(options)
{
    public const string Schema = "patients";

    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<ScreeningEntry> ScreeningEntries => Set<ScreeningEntry>();
    public DbSet<ScreeningConfirmation> ScreeningConfirmations => Set<ScreeningConfirmation>();
    public DbSet<ScreeningVersion> ScreeningVersions => Set<ScreeningVersion>();
    public DbSet<ScreeningAnswerRecord> ScreeningAnswers => Set<ScreeningAnswerRecord>();
    public DbSet<ErasureRecord> Erasures => Set<ErasureRecord>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Patient>(e =>
        {
            e.ToTable("Patients");
            e.Property(p => p.GivenName).HasMaxLength(100);
            e.Property(p => p.FamilyName).HasMaxLength(100);
            e.Property(p => p.Phone).HasMaxLength(40);
            e.Property(p => p.Email).HasMaxLength(200);
            e.Property(p => p.PreferredLanguage).HasMaxLength(8);
            e.Property(p => p.SearchName).HasMaxLength(201);
            e.Property(p => p.PhoneDigits).HasMaxLength(40);
            e.HasIndex(p => new { p.SearchName, p.DateOfBirth });
            e.HasIndex(p => p.DateOfBirth);
            e.HasIndex(p => p.PhoneDigits);
        });
        b.Entity<ScreeningEntry>(e =>
        {
            e.ToTable("ScreeningEntries");
            e.Ignore(s => s.IsCurrent);
            e.Property(s => s.Kind).HasMaxLength(32);
            e.Property(s => s.Code).HasMaxLength(64);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Area).HasMaxLength(64);
            e.Property(s => s.Severity).HasMaxLength(16);
            e.Property(s => s.Notes).HasMaxLength(2000);
            e.Property(s => s.RecordedBy).HasMaxLength(100);
            // Superseding compares in the UPDATE: a revision made from an answer superseded a moment ago fails.
            e.Property(s => s.SupersededAtUtc).IsConcurrencyToken();
            e.HasIndex(s => new { s.EntryKey, s.Revision }).IsUnique();
            e.HasIndex(s => new { s.PatientId, s.SupersededAtUtc });
            e.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ScreeningConfirmation>(e =>
        {
            e.ToTable("ScreeningConfirmations");
            e.Property(c => c.ConfirmedBy).HasMaxLength(16);
            e.Property(c => c.Actor).HasMaxLength(100);
            // The latest confirmation and the latest review of one patient are read with every screening question.
            e.HasIndex(c => new { c.PatientId, c.ConfirmedAtUtc });
            e.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ScreeningVersion>(e =>
        {
            e.ToTable("ScreeningVersions");
            e.HasKey(v => v.PatientId);
            e.HasOne<Patient>().WithMany().HasForeignKey(v => v.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ScreeningAnswerRecord>(e =>
        {
            e.ToTable("ScreeningAnswers");
            e.Ignore(a => a.AreaList);
            e.Property(a => a.QuestionId).HasMaxLength(64);
            e.Property(a => a.Value).HasMaxLength(32);
            e.Property(a => a.Areas).HasMaxLength(400);
            e.Property(a => a.Detail).HasMaxLength(500);
            e.Property(a => a.GivenBy).HasMaxLength(16);
            e.Property(a => a.RecordedBy).HasMaxLength(100);
            // The current answers of one patient are read with every eligibility question.
            e.HasIndex(a => new { a.PatientId, a.SupersededAtUtc });
            e.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ErasureRecord>(e =>
        {
            e.ToTable("Erasures");
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.RequestedBy).HasMaxLength(100);
            e.Property(x => x.Status).HasMaxLength(16);
            // No foreign key: the record outlives a patient erased completely.
            e.HasIndex(x => new { x.PatientId, x.RequestedAtUtc });
        });
        b.AddAuditLog();
        b.UseModuleConventions(Schema, Database.IsSqlite());
    }
}
