using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Contracts.Clinic;
using Needling.Contracts.Patients;
using Needling.Contracts.Protocols;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Errors;

namespace Needling.Booking.Eligibility;

/// <summary>
/// The one eligibility question a booking asks: Booking gathers the facts (its own appointments from its own
/// tables, the screening from Patients, the clinic's time zone from Clinic) and Protocols applies the rule set
/// (DecideEligibility). Protocols asks nothing back. POST /eligibility asks the same question the same way, so
/// its answer is the answer the booking will get.
/// </summary>
internal sealed class EligibilityQuestion(IMediator mediator, BookingDbContext db)
{
    private sealed record Row(DateTime StartUtc, string TreatmentCode, string Indication, string Status);

    // Compiled once: every booking asks. Every occupying appointment of the patient, of any treatment: the rule
    // set decides which treatments count towards an interval. The appointment being decided is left out by id
    // (a new one is not stored yet; a rescheduled one must not collide with itself).
    private static readonly CompiledQuery<Func<BookingDbContext, Guid, Guid, IAsyncEnumerable<Row>>> Query = new(() =>
        EF.CompileAsyncQuery((BookingDbContext db, Guid patientId, Guid exclude) => db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && AppointmentStatus.Occupying.Contains(a.Status) && a.Id != exclude)
            .Select(a => new Row(a.StartUtc, a.TreatmentCode, a.Indication, a.Status))));

    internal sealed record Asked(
        Guid PatientId, PractitionerInfo Practitioner, TreatmentInfo Treatment, string Indication, DateTime StartUtc,
        IReadOnlyList<string>? TreatedAreas, Guid ExcludeAppointmentId, DeviceInfo? Device = null);

    public async Task<EligibilityResult> AskAsync(Asked q, CancellationToken ct)
    {
        var (screening, clinic, history) = await FactsAsync(q.PatientId, q.ExcludeAppointmentId, ct);
        return await DecideAsync(screening, clinic, history, q.Practitioner, q.Treatment, q.Indication, q.StartUtc, q.TreatedAreas, ct, q.Device);
    }

    /// <summary>The question alone, on facts already gathered (an availability search asks it for many days).</summary>
    public Task<EligibilityResult> DecideAsync(
        PatientScreening screening, ClinicProfile clinic, IReadOnlyList<TreatmentHistoryItem> history, PractitionerInfo practitioner,
        TreatmentInfo treatment, string indication, DateTime startUtc, IReadOnlyList<string>? areas, CancellationToken ct,
        DeviceInfo? device = null) =>
        mediator.Send(new DecideEligibility(screening, practitioner, treatment, indication, startUtc, clinic, history, areas, device), ct);

    public async Task<(PatientScreening Screening, ClinicProfile Clinic, IReadOnlyList<TreatmentHistoryItem> History)> FactsAsync(
        Guid patientId, Guid excludeAppointmentId, CancellationToken ct)
    {
        var screening = await mediator.Send(new GetPatientScreening(patientId), ct) ?? throw new NotFoundException("Patient", patientId);
        var clinic = await mediator.Send(new GetClinicProfile(), ct);
        return (screening, clinic, await HistoryAsync(patientId, excludeAppointmentId, ct));
    }

    public async Task<IReadOnlyList<TreatmentHistoryItem>> HistoryAsync(Guid patientId, Guid excludeAppointmentId, CancellationToken ct)
    {
        var items = new List<TreatmentHistoryItem>();
        await foreach (var a in Query.For(db)(db, patientId, excludeAppointmentId).WithCancellation(ct))
        {
            items.Add(new TreatmentHistoryItem(a.StartUtc, a.TreatmentCode, a.Indication, a.Status == AppointmentStatus.Fulfilled));
        }
        return items;
    }
}
