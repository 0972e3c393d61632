using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;

namespace Needling.Clinic.Data;

internal sealed class ClinicDbContext(DbContextOptions<ClinicDbContext> options) : DbContext(options)
{
    public const string Schema = "clinic";

    public DbSet<ClinicSettings> Clinics => Set<ClinicSettings>();
    public DbSet<Closure> Closures => Set<Closure>();
    public DbSet<Practitioner> Practitioners => Set<Practitioner>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<Treatment> Treatments => Set<Treatment>();
    public DbSet<StaffAccount> StaffAccounts => Set<StaffAccount>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<ClinicSettings>(e =>
        {
            e.ToTable("Settings");
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Phone).HasMaxLength(40);
            e.Property(c => c.TimeZoneId).HasMaxLength(64);
            e.Property(c => c.Jurisdiction).HasMaxLength(8);
            e.OwnsMany(c => c.OpeningHours, o =>
            {
                o.ToTable("OpeningHours");
                o.WithOwner().HasForeignKey("ClinicId");
                o.HasKey("ClinicId", nameof(OpeningHours.Day), nameof(OpeningHours.Opens));
            });
        });
        b.Entity<Closure>(e => { e.ToTable("Closures"); e.Property(c => c.Reason).HasMaxLength(200); });
        b.Entity<Practitioner>(e =>
        {
            e.ToTable("Practitioners");
            e.Property(p => p.DisplayName).HasMaxLength(200);
            e.Property(p => p.Profession).HasMaxLength(100);
            e.Property(p => p.LicenceNumber).HasMaxLength(100);
            e.OwnsMany(p => p.Qualifications, q =>
            {
                q.ToTable("Qualifications");
                q.WithOwner().HasForeignKey("PractitionerId");
                q.HasKey("PractitionerId", nameof(Qualification.Code));
                q.Property(x => x.Code).HasMaxLength(64);
            });
        });
        b.Entity<Room>(e => { e.ToTable("Rooms"); e.Property(r => r.Name).HasMaxLength(100); e.HasIndex(r => r.Name).IsUnique(); });
        b.Entity<Device>(e =>
        {
            e.ToTable("Devices");
            e.Property(d => d.Name).HasMaxLength(100);
            e.Property(d => d.Kind).HasMaxLength(64);
            e.Property(d => d.Serial).HasMaxLength(100);
            e.HasIndex(d => new { d.Kind, d.Serial }).IsUnique();
        });
        b.Entity<Treatment>(e =>
        {
            e.ToTable("Treatments");
            e.Property(t => t.Code).HasMaxLength(32);
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.DeviceKind).HasMaxLength(64);
            e.Property(t => t.RegulatoryStatusJson).HasMaxLength(4000);
            e.Ignore(t => t.RegulatoryStatuses);
            e.HasIndex(t => t.Code).IsUnique();
        });
        b.Entity<StaffAccount>(e =>
        {
            e.ToTable("StaffAccounts");
            e.Property(s => s.Username).HasMaxLength(100);
            e.Property(s => s.DisplayName).HasMaxLength(200);
            e.Property(s => s.PasswordHash).HasMaxLength(200);
            e.Property(s => s.Roles).HasMaxLength(200);
            e.HasIndex(s => s.Username).IsUnique();
        });
        b.AddAuditLog();
        b.UseModuleConventions(Schema, Database.IsSqlite());
    }
}
