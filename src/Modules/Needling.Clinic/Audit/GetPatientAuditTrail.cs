using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Clinic.Data;
using Needling.Contracts.Audit;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;

namespace Needling.Clinic.Audit;

/// <summary>
/// GET /audit?patient={id}: who wrote or read one patient's record, and when, from every module's audit log, in time
/// order. Ids only: an auditor learns who touched what, not what it says. Admins with the auditor permission only,
/// and the query itself is audited (here, in the Clinic module's log, with the patient it was about).
/// </summary>
internal static class GetPatientAuditTrail
{
    internal sealed record AuditTrailDto(Guid PatientId, DateTime? FromUtc, DateTime? ToUtc, IReadOnlyList<AuditTrailEntry> Entries);

    public static void Map(RouteGroupBuilder auditors) =>
        auditors.MapGet("/audit", async (string? patient, string? from, string? to, ClinicDbContext db, IMediator mediator, ReadAudit audit, CancellationToken ct) =>
        {
            Guid patientId = default;
            var v = new Validator()
                .Require(!string.IsNullOrEmpty(patient), "patient", "is required: the patient's id.")
                .Require(string.IsNullOrEmpty(patient) || Guid.TryParse(patient, out patientId), "patient", "must be a patient id (a GUID).");
            var fromUtc = Instant(from, "from", v);
            var toUtc = Instant(to, "to", v);
            v.Require(fromUtc is null || toUtc is null || fromUtc < toUtc, "to", "must be after from.");
            v.ThrowIfInvalid();

            await audit.RecordAsync(db, patientId, "AuditTrail", patientId, ct: ct);
            var query = new AuditTrailQuery(patientId, fromUtc, toUtc);
            List<IRequest<IReadOnlyList<AuditTrailEntry>>> parts =
            [
                new GetPatientsAuditTrail(query), new GetBookingAuditTrail(query), new GetConsentAuditTrail(query),
                new GetSessionsAuditTrail(query), new GetAftercareAuditTrail(query),
            ];
            var entries = new List<AuditTrailEntry>(await AuditTrail.ReadAsync(db, ClinicDbContext.Schema, patientId, fromUtc, toUtc, ct));
            foreach (var part in parts)
            {
                // One request type per module: MediatR dispatches on the runtime type, to the one module that answers it.
                entries.AddRange(await mediator.Send(part, ct));
            }
            var ordered = entries.OrderBy(e => e.AtUtc).ThenBy(e => e.Module, StringComparer.Ordinal).ThenBy(e => e.Id).ToList();
            return TypedResults.Ok(new AuditTrailDto(patientId, fromUtc, toUtc, ordered));
        })
        .WithSummary("A patient's audit trail: every write to and read of their record, from every module, oldest first (?patient={id}, optional from/to with an offset). Admins with the auditor permission.")
        .Produces<AuditTrailDto>();

    /// <summary>An instant with its offset (or Z): without one, the host's time zone would silently decide the hour.</summary>
    private static DateTime? Instant(string? value, string field, Validator v)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var ok = DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) && parsed.Kind != DateTimeKind.Unspecified;
        v.Require(ok, field, "must be a date and time with an offset, e.g. 2026-12-01T00:00:00Z.");
        return ok ? parsed.ToUniversalTime() : null;
    }
}
