using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Contracts.Patients;
using Needling.Patients.Data;

namespace Needling.Patients.Integration;

/// <summary>One round trip: an erasure since the moment, or any erasure of a patient no longer on record.</summary>
internal sealed class IsPatientErasedHandler(PatientsDbContext db) : IRequestHandler<IsPatientErased, bool>
{
    public Task<bool> Handle(IsPatientErased q, CancellationToken ct) =>
        db.Erasures.AnyAsync(e => e.PatientId == q.PatientId
            && (e.RequestedAtUtc >= q.SinceUtc || !db.Patients.Any(p => p.Id == q.PatientId)), ct);
}
