using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Consent.Signing;
using Needling.Consent.Validity;
using Needling.Contracts.Clinic;
using Needling.Contracts.Demo;

namespace Needling.Consent.Seed;

/// <summary>
/// The demo clinic's one signed consent: Emma Clarke signed the microneedling form on the tablet half an hour
/// before her past visit. Signed through the real path (rendered PDF, hash), with the clock set to that moment.
/// </summary>
internal sealed class DemoConsent(ConsentDbContext db, IMediator mediator, TimeProvider clock, IOptions<ConsentOptions> options)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Requests.AnyAsync(r => r.AppointmentId == DemoRecords.EmmaVisit, ct))
        {
            return;
        }
        var clinic = await mediator.Send(new GetClinicProfile(), ct);
        var visit = DemoRecords.EmmaVisitStartUtc(clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById(clinic.TimeZoneId));
        var request = new ConsentRequest { PatientId = DemoRecords.PatientEmma, TreatmentCode = "MN-PEN", AppointmentId = DemoRecords.EmmaVisit, CreatedAtUtc = visit.AddDays(-7) };
        db.Requests.Add(request);
        await db.SaveChangesAsync(ct);
        var signing = new SignConsent(db, mediator, new At(visit.AddMinutes(-30)), options);
        await signing.SignAsync(request.Id, new SignConsent.Submission("Emma Clarke", Convert.ToBase64String(Signature())), new SignConsent.Signer("tablet", null, null), ct);
    }

    private static byte[] Signature()
    {
        using var stream = typeof(DemoConsent).Assembly.GetManifestResourceStream("Needling.Consent.Seed.demo-signature.png")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class At(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }
}
