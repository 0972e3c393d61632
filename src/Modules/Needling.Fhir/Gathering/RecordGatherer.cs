using MediatR;
using Needling.Contracts.Aftercare;
using Needling.Contracts.Audit;
using Needling.Contracts.Booking;
using Needling.Contracts.Clinic;
using Needling.Contracts.Consent;
using Needling.Contracts.Patients;
using Needling.Contracts.Sessions;
using Needling.SharedKernel.Errors;

namespace Needling.Fhir.Gathering;

/// <summary>
/// Asks each module that owns a part of the patient's record, through its contract, and nothing else: this module
/// has no tables and reads no other module's. Sessions (clinical notes) are asked only for a caller who may read them.
/// The read is audited once, here, by the endpoint's module; the modules asked through their contracts do not audit it.
/// </summary>
internal sealed class RecordGatherer(IMediator mediator)
{
    /// <param name="what">What the caller reads, for the audit trail: e.g. "FhirPatient".</param>
    public async Task<PatientRecord> GatherAsync(Guid patientId, Parts parts, string what, CancellationToken ct)
    {
        var patient = await mediator.Send(new GetPatientDemographics(patientId), ct) ?? throw new NotFoundException("Patient", patientId);
        var appointments = parts.HasFlag(Parts.Appointments) ? await mediator.Send(new GetPatientAppointments(patientId), ct) : [];
        var consents = parts.HasFlag(Parts.Consents) ? await mediator.Send(new GetPatientConsents(patientId), ct) : [];
        var sessions = parts.HasFlag(Parts.Sessions) ? await mediator.Send(new GetPatientSessions(patientId), ct) : [];
        var sheets = parts.HasFlag(Parts.Sheets) ? await mediator.Send(new GetPatientAftercareSheets(patientId), ct) : [];

        var practitioners = new Dictionary<Guid, PractitionerInfo>();
        foreach (var id in appointments.Select(a => a.PractitionerId).Concat(sessions.Select(s => s.PractitionerId)).Concat(sheets.Select(s => s.PractitionerId)).Distinct())
        {
            if (await mediator.Send(new GetPractitioner(id), ct) is { } p)
            {
                practitioners[id] = p;
            }
        }
        var treatments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in appointments.Select(a => a.TreatmentCode).Concat(consents.Select(c => c.TreatmentCode)).Concat(sessions.Select(s => s.TreatmentCode))
                     .Concat(sheets.Select(s => s.TreatmentCode)).Distinct())
        {
            if (await mediator.Send(new GetTreatment(code), ct) is { } t)
            {
                treatments[code] = t.Name;
            }
        }
        var resources = appointments.Count > 0 ? await mediator.Send(new GetResources(), ct) : null;
        IReadOnlyList<Guid> read = [.. appointments.Select(a => a.Id), .. consents.Select(c => c.Id), .. sessions.Select(s => s.Id), .. sheets.Select(s => s.Id)];
        await mediator.Send(new RecordPatientRead(patientId, what, read), ct);
        return new PatientRecord(patient, appointments, consents, sessions, sheets, practitioners, treatments, resources);
    }
}
