using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Contracts.Patients;

namespace Needling.Consent.Requests;

/// <summary>
/// Which language a request's form will be shown in: the patient's, or, when the newest version has no text in it,
/// English (else any), and then the request says so plainly for the desk instead of serving English in silence.
/// </summary>
internal static class RequestLanguage
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal) { ["en"] = "English", ["ja"] = "Japanese", ["th"] = "Thai" };

    public static async Task<ConsentRequestDto> DescribeAsync(ConsentRequest r, string patientLanguage, ConsentDbContext db, CancellationToken ct)
    {
        var dto = ConsentRequestDto.From(r);
        var version = await db.Templates.AsNoTracking().Where(t => t.TreatmentCode == r.TreatmentCode).MaxAsync(t => (int?)t.Version, ct);
        if (version is null)
        {
            return dto with { Language = patientLanguage };
        }
        var languages = await db.Templates.AsNoTracking().Where(t => t.TreatmentCode == r.TreatmentCode && t.Version == version).Select(t => t.Language).ToListAsync(ct);
        var shown = languages.Contains(patientLanguage) ? patientLanguage : languages.Contains("en") ? "en" : languages.Order().First();
        var notice = shown == patientLanguage ? null
            : $"The newest {r.TreatmentCode} form (v{version}) has no {Name(patientLanguage)} text, so this patient will be shown the {Name(shown)} text, "
              + $"with a note in {Name(patientLanguage)} that it is not translated. Publish a {Name(patientLanguage)} text, or go through the form with the patient in their language.";
        return dto with { Language = patientLanguage, FormLanguage = shown, LanguageNotice = notice };
    }

    public static async Task<string> OfPatientAsync(IMediator mediator, Guid patientId, CancellationToken ct) =>
        (await mediator.Send(new GetPatientSummary(patientId), ct))?.PreferredLanguage ?? "en";

    private static string Name(string language) => Names.GetValueOrDefault(language, language);
}
