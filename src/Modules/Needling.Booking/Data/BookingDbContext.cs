using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Needling.Booking.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Outbox;

namespace Needling.Booking.Data;

internal sealed class BookingDbContext(DbContextOptions<BookingDbContext> options) : DbContext(options)
{
    public const string Schema = "booking";

    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentEvent> AppointmentEvents => Set<AppointmentEvent>();
    public DbSet<WorkingPeriod> WorkingPeriods => Set<WorkingPeriod>();
    public DbSet<ScheduleException> ScheduleExceptions => Set<ScheduleException>();
    public DbSet<Leave> Leave => Set<Leave>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<ScheduleVersion> ScheduleVersions => Set<ScheduleVersion>();

    /// <summary>
    /// A refused booking is an everyday answer here, not a fault: two desks reaching for one slot end in an
    /// exclusion-constraint (or idempotency-key) violation, answered 409 and logged by <c>AppointmentWriter</c> in
    /// one Information line. EF would also log each such failure at Error, several lines with the SQL, per request;
    /// for this context its two failure events are lowered to Debug. A failure that is not a known refusal is not
    /// hidden: it reaches the API's exception handler as a 500, which logs it at Error.
    /// </summary>
    public static void RefusalsAreNotErrors(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Appointment>(e =>
        {
            e.ToTable("Appointments");
            e.Property(a => a.TreatmentCode).HasMaxLength(32);
            e.Property(a => a.Indication).HasMaxLength(64);
            e.Property(a => a.Status).HasMaxLength(16);
            e.Property(a => a.PatientInitials).HasMaxLength(16);
            e.Property(a => a.CancelReason).HasMaxLength(500);
            e.Property(a => a.EligibilityOutcome).HasMaxLength(32);
            e.Property(a => a.Sequence).IsConcurrencyToken();
            // Range lookups for clash checks, availability and the calendar feed. The clash guarantee on
            // PostgreSQL is the exclusion constraints added in the migration, not these indexes; on SQL Server it is
            // the clash check under application locks (Appointments/SqlServerSlotLocks.cs), which reads them.
            e.HasIndex(a => new { a.PractitionerId, a.StartUtc });
            e.HasIndex(a => new { a.RoomId, a.StartUtc });
            e.HasIndex(a => new { a.DeviceId, a.StartUtc });
            e.HasIndex(a => new { a.PatientId, a.StartUtc });
        });
        b.Entity<AppointmentEvent>(e =>
        {
            e.ToTable("AppointmentEvents");
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.FromStatus).HasMaxLength(16);
            e.Property(x => x.ToStatus).HasMaxLength(16);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.Detail).HasMaxLength(500);
            e.HasIndex(x => x.AppointmentId);
        });
        b.Entity<WorkingPeriod>(e => { e.ToTable("WorkingPeriods"); e.HasIndex(w => w.PractitionerId); });
        b.Entity<ScheduleVersion>(e => { e.ToTable("ScheduleVersions"); e.HasKey(v => v.PractitionerId); });
        b.Entity<ScheduleException>(e => { e.ToTable("ScheduleExceptions"); e.HasIndex(x => new { x.PractitionerId, x.Date }); });
        b.Entity<Leave>(e => { e.ToTable("Leave"); e.Property(l => l.Reason).HasMaxLength(200); e.HasIndex(l => new { l.PractitionerId, l.FromDate }); });
        b.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("IdempotencyKeys");
            e.Property(i => i.Scope).HasMaxLength(200);
            e.Property(i => i.Key).HasMaxLength(200);
            e.Property(i => i.RequestHash).HasMaxLength(64);
            e.Property(i => i.Location).HasMaxLength(200);
            e.HasIndex(i => new { i.Scope, i.Key }).IsUnique();
        });
        b.Entity<CalendarFeed>(e =>
        {
            e.ToTable("CalendarFeeds");
            e.Property(c => c.TokenHash).HasMaxLength(64);
            e.HasIndex(c => c.TokenHash).IsUnique();
            e.HasIndex(c => c.PractitionerId);
        });
        b.AddAuditLog();
        b.AddOutbox();
        b.AddInbox();
        b.UseModuleConventions(Schema, Database.IsSqlite());
    }
}
