using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Needling.Contracts.Clinic;
using Needling.Contracts.Patients;
using Needling.Contracts.Protocols;
using Needling.Contracts.Sessions;
using Needling.Sessions.Data;
using Needling.Sessions.Domain;
using Needling.Sessions.History;
using Needling.Sessions.Recording;
using Needling.Sessions.Starting;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;
using Needling.SharedKernel.Outbox;

namespace Needling.Sessions.Signing;

/// <summary>
/// POST /sessions/{id}/sign: the treating practitioner signs a complete record, which locks it. Signing
/// raises SessionSigned through the outbox, in the same transaction: Booking completes the appointment and
/// aftercare writes to the patient from it. A signature vouches for the record as read: If-Match names that version,
/// and a record written since (on another device) is refused with 412 rather than signed unseen.
/// </summary>
internal static class SignSession
{
    public static void Map(RouteGroupBuilder practitioner) =>
        practitioner.MapPost("/sessions/{id:guid}/sign", Handle)
            .WithSummary("Sign the session's record: it is then locked, counts for intervals and courses, and completes the appointment.")
            .Produces<SessionDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequiresIfMatch();

    private static async Task<IResult> Handle(
        Guid id, HttpContext http, SessionsDbContext db, IMediator mediator, SessionEvents events, ICurrentActor actor, OutboxSignal signal,
        TimeProvider clock, CancellationToken ct)
    {
        var session = await SessionReader.FindForWriteAsync(db, id, ct);
        if (session.Status == SessionStatus.Signed)
        {
            throw new ConflictException("This session is already signed.");
        }
        SessionReader.EnsureTreatingPractitioner(session, http.User);
        http.EnsureMatches(db, session, "session record");
        var record = SessionReader.Record(session.RecordJson)
            ?? throw new RuleViolationException("session.record-incomplete", "There is no record to sign yet (PUT /sessions/{id}/record).", new { missing = new[] { "record" } });
        RecordValidator.EnsureComplete(record, session.TreatmentCode);
        var now = clock.GetUtcNow().UtcDateTime;
        var patient = await mediator.Send(new GetPatientSummary(session.PatientId), ct) ?? throw new NotFoundException("Patient", session.PatientId);
        session.Status = SessionStatus.Signed;
        session.SignedAtUtc = now;
        session.SignedBy = actor.Id;
        session.NextEligibleOn = await NextEligibleOnAsync(mediator, session, ct);
        session.Revision++;
        events.Add(session.AppointmentId, session.Id, "signed", null, now);
        db.Enqueue(Fact(session, record, patient.PreferredLanguage), now);
        await db.SaveChangesAsync(ct); // Revision is compared in the UPDATE: a write racing this one is 412 (ProblemHandler)
        signal.Notify();
        return TypedResults.Ok(await SessionReader.LoadAsync(db, session.Id, ct));
    }

    // The protocol's minimum interval counted from the session's local date (the same calendar days the
    // eligibility engine counts).
    private static async Task<DateOnly?> NextEligibleOnAsync(IMediator mediator, TreatmentSession s, CancellationToken ct)
    {
        var interval = await mediator.Send(new CheckSessionRecord(s.TreatmentCode, s.Indication, []), ct);
        if (interval.MinIntervalDays is not int days)
        {
            return null;
        }
        var clinic = await mediator.Send(new GetClinicProfile(), ct);
        return clinic.LocalDate(s.StartedAtUtc).AddDays(days);
    }

    private static SessionSigned Fact(TreatmentSession s, SessionRecord r, string language) => new(
        s.Id, s.AppointmentId, s.PatientId, s.PractitionerId, s.TreatmentCode, s.Indication, s.StartedAtUtc, s.SignedAtUtc!.Value,
        r.Areas.Select(a => a.Area).Distinct().ToList(),
        (r.AdverseEvents ?? []).Select(e => new SignedAdverseEvent(e.Type, e.Severity, e.ActionTaken)).ToList(),
        (r.HomeTopicals ?? []).Select(h => new SignedHomeTopical(h.Product, h.Strength, h.Frequency, h.Duration)).ToList(),
        (r.Products ?? []).Select(p => new SignedProduct(p.Product, p.Lot)).ToList(),
        r.DryNeedling?.ThoraxNeedled ?? false,
        s.NextEligibleOn,
        language);
}
