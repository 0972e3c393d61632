using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Booking.Schedules;
using Needling.Contracts.Clinic;
using Needling.Contracts.Protocols;
using Needling.SharedKernel.Errors;

namespace Needling.Booking.Availability;

/// <summary>What a search asks for: local dates, inclusive.</summary>
internal sealed record AvailabilityCriteria(string TreatmentCode, DateOnly From, DateOnly To, Guid? PractitionerId, string? Indication);

/// <summary>What other modules answer for a search (passed in, so a benchmark can call the same code without MediatR).</summary>
internal sealed record ClinicFacts(TreatmentInfo Treatment, ClinicCalendar Calendar, ClinicResources Resources, TreatmentRequirements Requirements);

internal sealed record AvailabilityOutcome(ClinicHours Clinic, SlotResult Result, string? Message);

/// <summary>
/// Loads what one search needs from this module's tables (schedules, and only the appointments in the range)
/// and hands it to <see cref="SlotFinder"/>.
/// </summary>
internal static class AvailabilityLoader
{
    /// <param name="patientMay">For a search for one patient: given the candidate practitioners, which (local date,
    /// practitioner) pairs the rules allow that patient.</param>
    public static async Task<AvailabilityOutcome> FindAsync(
        BookingDbContext db, ClinicFacts facts, AvailabilityCriteria criteria, DateTime nowUtc, CancellationToken ct,
        Func<IReadOnlyList<PractitionerInfo>, ClinicHours, Task<Func<DateOnly, Guid, bool>>>? patientMay = null)
    {
        var clinic = new ClinicHours(facts.Calendar);
        var treatment = facts.Treatment;
        var byIndication = facts.Requirements.QualificationsByIndication;
        var practitioners = facts.Resources.Practitioners.Where(p => p.Active).ToList();
        if (criteria.PractitionerId is { } only)
        {
            practitioners = practitioners.Where(p => p.Id == only).ToList();
            if (practitioners.Count == 0)
            {
                throw new NotFoundException("Active practitioner", only);
            }
        }

        AvailabilityOutcome None(string message) => new(clinic, SlotResult.Empty, message);
        if (treatment.RequiresRegulatoryClearance && !treatment.HasRegulatoryClearance)
        {
            return None($"{treatment.Code} cannot be booked until the clinic records the product's regulatory clearance.");
        }
        if (byIndication.Count == 0)
        {
            return None($"No protocol in the rule set in force covers {treatment.Code}, so no practitioner may give it.");
        }
        if (criteria.Indication is not null)
        {
            new Validator().OneOf(criteria.Indication, byIndication.Keys.ToHashSet(StringComparer.Ordinal), "indication").ThrowIfInvalid();
        }
        var sets = criteria.Indication is null ? byIndication.Values.ToList() : [byIndication[criteria.Indication]];
        var candidates = practitioners
            .Select(p => (Info: p, Until: Qualification.QualifiedUntil(p, sets)))
            .Where(c => c.Until is { } until && until >= criteria.From)
            .OrderBy(c => c.Info.DisplayName, StringComparer.Ordinal).ThenBy(c => c.Info.Id)
            .ToList();
        if (candidates.Count == 0)
        {
            return None(criteria.PractitionerId is null
                ? $"No active practitioner holds the qualifications {treatment.Code} needs in these dates."
                : $"This practitioner does not hold the qualifications {treatment.Code} needs in these dates.");
        }
        var rooms = facts.Resources.Rooms.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Id).ToList();
        if (rooms.Count == 0)
        {
            return None("The clinic has no active treatment room.");
        }
        List<Guid>? devices = null;
        if (treatment.DeviceKind is { } kind)
        {
            devices = facts.Resources.Devices.Where(d => d.Kind == kind).OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => d.Id).ToList();
            if (devices.Count == 0)
            {
                return None($"{treatment.Code} needs a device of kind '{kind}', and the clinic has no active one.");
            }
        }

        // Slots start no earlier than now, so appointments that ended before now cannot matter.
        var rangeStart = clinic.ToUtc(criteria.From, TimeOnly.MinValue);
        var rangeEnd = clinic.ToUtc(criteria.To.AddDays(1), TimeOnly.MinValue);
        var busyFrom = rangeStart > nowUtc ? rangeStart : nowUtc;
        if (rangeEnd <= busyFrom)
        {
            return new(clinic, SlotResult.Empty, null);
        }
        var practitionerIds = candidates.Select(c => c.Info.Id).ToList();
        var schedules = await ScheduleReader.LoadSchedulesAsync(db, practitionerIds, criteria.From, criteria.To, ct);
        var busy = await LoadBusyAsync(db, practitionerIds, rooms, devices ?? [], busyFrom, rangeEnd, ct);
        var may = patientMay is null ? null : await patientMay([.. candidates.Select(c => c.Info)], clinic);
        var result = SlotFinder.Find(new SlotSearch(
            clinic, criteria.From, criteria.To, TimeSpan.FromMinutes(treatment.DurationMinutes), nowUtc,
            candidates.Select(c => new SlotCandidate(c.Info.Id, c.Until!.Value, schedules[c.Info.Id])).ToList(),
            rooms, devices, busy, PatientMay: may));
        return new(clinic, result, null);
    }

    /// <summary>
    /// Occupying appointments that overlap [from, to) and hold any of the given practitioners, rooms or devices.
    /// One query, bounded on the start column from both sides, so that each (resource, start) index is searched
    /// (SQLite's multi-index OR, PostgreSQL's bitmap OR) and past years are not read; each appointment is read once
    /// although it holds a practitioner, a room and a device. Reading rows, not searching, is what costs here.
    /// </summary>
    public static async Task<BusyTimes> LoadBusyAsync(
        BookingDbContext db, List<Guid> practitionerIds, List<Guid> roomIds, List<Guid> deviceIds, DateTime from, DateTime to, CancellationToken ct)
    {
        var earliest = from - BusyTimes.LongestAppointment;
        var occupying = AppointmentStatus.Occupying;
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc >= earliest && a.StartUtc < to && a.EndUtc > from && occupying.Contains(a.Status))
            .Where(a => practitionerIds.Contains(a.PractitionerId) || roomIds.Contains(a.RoomId)
                || (a.DeviceId != null && deviceIds.Contains(a.DeviceId.Value)))
            .Select(a => new { a.PractitionerId, a.RoomId, a.DeviceId, a.StartUtc, a.EndUtc })
            .ToListAsync(ct);
        return new BusyTimes(
            rows.Select(a => (a.PractitionerId, a.StartUtc, a.EndUtc)),
            rows.Select(a => (a.RoomId, a.StartUtc, a.EndUtc)),
            rows.Where(a => a.DeviceId is not null).Select(a => (a.DeviceId!.Value, a.StartUtc, a.EndUtc)));
    }
}
