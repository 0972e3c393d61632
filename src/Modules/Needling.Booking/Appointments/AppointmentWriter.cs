using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Contracts.Booking;
using Needling.Contracts.Protocols;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Outbox;

namespace Needling.Booking.Appointments;

/// <summary>Saves an appointment change with its event, its outbox message and its idempotent answer in one transaction.</summary>
internal sealed partial class AppointmentWriter(BookingDbContext db, ICurrentActor actor, OutboxSignal signal, ILogger<AppointmentWriter> log)
{
    public static AppointmentSnapshot Snapshot(Appointment a) =>
        new(a.Id, a.PatientId, a.PractitionerId, a.TreatmentCode, a.Indication, a.StartUtc, a.EndUtc);

    public static void ApplyEligibility(Appointment a, EligibilityResult result)
    {
        a.EligibilityOutcome = result.Outcome;
        a.RuleSetVersion = result.RuleSetVersion;
        a.WarningsJson = JsonSerializer.Serialize(
            result.Findings.Where(f => f.Severity == "Warn").Select(f => new WarningDto(f.RuleId, f.RuleVersion, f.Message, f.Source)),
            JsonSerializerOptions.Web);
    }

    public void Record(Appointment a, string action, string? from, string? detail, DateTime now) =>
        db.AppointmentEvents.Add(new AppointmentEvent
        {
            AppointmentId = a.Id, Action = action, FromStatus = from, ToStatus = a.Status, AtUtc = now, Actor = actor.Id, Detail = detail,
        });

    /// <summary>Commits; an exclusion-constraint refusal becomes 409 naming the resource.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsExclusionViolation(out var constraint))
        {
            var taken = SlotTakenException.FromConstraint(constraint);
            SlotTaken(log, taken.Resource, constraint); // one line, no patient data (EF's own failure log is Debug here)
            throw taken;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new SharedKernel.Concurrency.PreconditionFailedException("appointment");
        }
        signal.Notify();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking refused (409): the {Resource} is already booked for an overlapping time ({Constraint})")]
    private static partial void SlotTaken(ILogger logger, string resource, string constraint);
}
