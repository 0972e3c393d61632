using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Consent.Signing;
using Needling.Consent.Validity;
using Needling.Contracts.Clinic;
using Needling.Contracts.Consent;
using Needling.Contracts.Patients;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;

namespace Needling.Consent.Requests;

internal static class RequestEndpoints
{
    internal sealed record CreateRequest(Guid PatientId, string TreatmentCode, Guid? AppointmentId = null);

    internal sealed record SignedConsentDto(
        Guid Id, string TreatmentCode, int TemplateVersion, string Language, DateTime SignedAtUtc, DateTime ExpiresAtUtc,
        DateTime? WithdrawnAtUtc, string PdfSha256, string Channel);

    internal sealed record PatientConsentsDto(IReadOnlyList<ConsentRequestDto> Requests, IReadOnlyList<SignedConsentDto> Signed);

    internal sealed record LinkResponse(string Url, DateTime ExpiresAtUtc);

    public static void Map(RouteGroupBuilder desk)
    {
        desk.MapPost("/consent/requests", async (CreateRequest r, ConsentDbContext db, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
        {
            new Validator().NotBlank(r.TreatmentCode, "treatmentCode", 32).ThrowIfInvalid();
            _ = await mediator.Send(new GetPatientSummary(r.PatientId), ct) ?? throw new NotFoundException("Patient", r.PatientId);
            _ = await mediator.Send(new GetTreatment(r.TreatmentCode), ct) ?? throw new NotFoundException("Treatment", r.TreatmentCode);
            var (request, created) = await ConsentRequests.OpenAsync(db, r.PatientId, r.TreatmentCode, r.AppointmentId, clock.GetUtcNow().UtcDateTime, ct);
            var dto = await RequestLanguage.DescribeAsync(request, await RequestLanguage.OfPatientAsync(mediator, r.PatientId, ct), db, ct);
            return created ? Results.Created($"/consent/requests/{request.Id}", dto) : Results.Ok(dto);
        }).WithSummary("Ask a patient for consent to a treatment (bookings do this by themselves). Returns the open request if there is one.")
            .Produces<ConsentRequestDto>().Produces<ConsentRequestDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound);

        desk.MapGet("/consent/requests/{id:guid}", async (Guid id, ConsentDbContext db, IMediator mediator, ReadAudit audit, CancellationToken ct) =>
        {
            var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Consent request", id);
            await audit.RecordAsync(db, request.PatientId, "ConsentRequest", id, ct: ct);
            return TypedResults.Ok(await RequestLanguage.DescribeAsync(request, await RequestLanguage.OfPatientAsync(mediator, request.PatientId, ct), db, ct));
        }).WithSummary("One consent request, with the language its form will be shown in and a notice when that is not the patient's.");

        desk.MapGet("/patients/{patientId:guid}/consents", async (Guid patientId, ConsentDbContext db, IMediator mediator, ReadAudit audit, CancellationToken ct) =>
        {
            var rows = await db.Requests.AsNoTracking().Where(r => r.PatientId == patientId).OrderByDescending(r => r.CreatedAtUtc).ToListAsync(ct);
            var language = await RequestLanguage.OfPatientAsync(mediator, patientId, ct);
            var requests = new List<ConsentRequestDto>();
            foreach (var r in rows)
            {
                requests.Add(r.Status == ConsentRequestStatus.Open ? await RequestLanguage.DescribeAsync(r, language, db, ct) : ConsentRequestDto.From(r));
            }
            var signed = await db.Signed.AsNoTracking().Where(s => s.PatientId == patientId).OrderByDescending(s => s.SignedAtUtc)
                .Select(s => new SignedConsentDto(s.Id, s.TreatmentCode, s.TemplateVersion, s.Language, s.SignedAtUtc, s.ExpiresAtUtc, s.WithdrawnAtUtc, s.PdfSha256, s.Channel))
                .ToListAsync(ct);
            await audit.RecordAsync(db, patientId, "PatientConsents", patientId, rows.Select(r => r.Id).Concat(signed.Select(s => s.Id)), ct: ct);
            return TypedResults.Ok(new PatientConsentsDto(requests, signed));
        }).WithSummary("A patient's consent requests and signed consents.");

        desk.MapGet("/patients/{patientId:guid}/consents/status/{treatmentCode}", async (Guid patientId, string treatmentCode, IMediator mediator, ConsentDbContext db, ReadAudit audit, TimeProvider clock, CancellationToken ct) =>
        {
            var status = await mediator.Send(new GetConsentStatus(patientId, treatmentCode, clock.GetUtcNow().UtcDateTime), ct);
            await audit.RecordAsync(db, patientId, "ConsentStatus", patientId, ct: ct);
            return TypedResults.Ok(status);
        })
            .WithSummary("Is the patient's consent to this treatment valid now? valid, missing, withdrawn, superseded or expired.");

        desk.MapPost("/consent/requests/{id:guid}/link", async (Guid id, ConsentDbContext db, IMediator mediator, CancellationToken ct) =>
        {
            var link = await mediator.Send(new GetSigningLink(id), ct);
            if (link is null)
            {
                var status = await db.Requests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Status).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException("Consent request", id);
                throw new ConflictException($"This consent request is {status}.");
            }
            return TypedResults.Ok(new LinkResponse(link.Path, link.ExpiresAtUtc));
        }).WithSummary("Make the patient's signing link: no login needed, expires, and reveals nothing in the URL.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
