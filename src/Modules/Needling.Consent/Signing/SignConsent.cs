using System.Security.Cryptography;
using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Needling.Consent.Data;
using Needling.Consent.Domain;
using Needling.Consent.Seed;
using Needling.Consent.Validity;
using Needling.Contracts.Clinic;
using Needling.Contracts.Patients;
using Needling.Documents.Images;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Errors;

namespace Needling.Consent.Signing;

/// <summary>
/// Signing, on the clinic's tablet or through the patient's link: the form in force is rendered to PDF
/// once, with the typed name and drawn signature, hashed, and stored with the request marked signed.
/// </summary>
internal sealed class SignConsent(ConsentDbContext db, IMediator mediator, TimeProvider clock, IOptions<ConsentOptions> options)
{
    /// <summary>Browsers send a data URL; a drawn signature at tablet size is well under this.</summary>
    public const int MaxSignatureBytes = 512 * 1024;

    internal sealed record Submission(string FullName, string SignaturePng);

    internal sealed record Signer(string Channel, string? IpAddress, string? UserAgent);

    public async Task<SignedConsent> SignAsync(Guid requestId, Submission s, Signer signer, CancellationToken ct)
    {
        var png = DecodeSignature(s);
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException("Consent request", requestId);
        if (request.Status != ConsentRequestStatus.Open)
        {
            throw new ConflictException($"This consent request is {request.Status}; it cannot be signed again.");
        }
        var (form, version) = await FormInForceAsync(request.TreatmentCode, await PatientLanguageAsync(request.PatientId, ct), ct);
        var patient = await mediator.Send(new GetPatientSummary(request.PatientId), ct) ?? throw new NotFoundException("Patient", request.PatientId);
        var clinic = await mediator.Send(new GetClinicProfile(), ct);
        var treatment = await mediator.Send(new GetTreatment(request.TreatmentCode), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var pdf = ConsentPdf.Render(form, new ConsentPdf.Facts(
            clinic.Name, patient.NameIn(form.Language), patient.DateOfBirth, form.TreatmentName ?? treatment?.Name ?? request.TreatmentCode, version,
            s.FullName.Trim(), png, now, clinic.Zone, signer.Channel));
        var signed = new SignedConsent
        {
            RequestId = request.Id,
            PatientId = request.PatientId,
            TreatmentCode = request.TreatmentCode,
            TemplateVersion = version,
            Language = form.Language,
            TypedName = s.FullName.Trim(),
            SignaturePng = png,
            SignedAtUtc = now,
            Channel = signer.Channel,
            IpAddress = signer.IpAddress,
            UserAgent = signer.UserAgent is { Length: > 500 } ua ? ua[..500] : signer.UserAgent,
            Pdf = pdf,
            PdfSha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            ExpiresAtUtc = now.AddMonths(options.Value.ValidityMonths),
        };
        db.Signed.Add(signed);
        request.Status = ConsentRequestStatus.Signed;
        request.SignedConsentId = signed.Id;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ConflictException("This consent request was signed a moment ago; it cannot be signed twice.");
        }
        return signed;
    }

    public async Task<string> PatientLanguageAsync(Guid patientId, CancellationToken ct) =>
        (await mediator.Send(new GetPatientSummary(patientId), ct))?.PreferredLanguage ?? "en";

    /// <summary>The newest version of the treatment's form, in the patient's language when that version has it, else English.</summary>
    public async Task<(TemplateContent Form, int Version)> FormInForceAsync(string treatmentCode, string language, CancellationToken ct)
    {
        var version = await db.Templates.Where(t => t.TreatmentCode == treatmentCode).MaxAsync(t => (int?)t.Version, ct)
            ?? throw new RuleViolationException("consent.no-form", $"No consent form is published for {treatmentCode}.");
        var rows = await db.Templates.AsNoTracking().Where(t => t.TreatmentCode == treatmentCode && t.Version == version).ToListAsync(ct);
        var row = rows.FirstOrDefault(t => t.Language == language) ?? rows.FirstOrDefault(t => t.Language == "en") ?? rows[0];
        return (JsonSerializer.Deserialize<TemplateContent>(row.ContentJson, TemplateLibrary.Json)!, version);
    }

    /// <summary>
    /// The drawn signature, checked completely before anything is stored: a PNG of any kind a browser makes, intact,
    /// within the size limits, and with something drawn on it. Anything else is a 422 saying what is wrong.
    /// </summary>
    private static byte[] DecodeSignature(Submission s)
    {
        new Validator().NotBlank(s.FullName, "fullName", 200).NotBlank(s.SignaturePng, "signaturePng", MaxSignatureBytes * 2).ThrowIfInvalid();
        var data = s.SignaturePng.StartsWith("data:image/png;base64,", StringComparison.Ordinal) ? s.SignaturePng[22..] : s.SignaturePng;
        byte[] png;
        try
        {
            png = Convert.FromBase64String(data);
        }
        catch (FormatException)
        {
            throw Refused("signature-invalid", "is not a PNG image in base64 or a data:image/png URL.");
        }
        if (png.Length > MaxSignatureBytes)
        {
            throw Refused("signature-invalid", $"is too large (at most {MaxSignatureBytes / 1024} KiB).");
        }
        PngImage image;
        try
        {
            image = PngImage.Read(png, MaxSignaturePixels);
        }
        catch (InvalidImageException e)
        {
            throw Refused("signature-invalid", e.Message);
        }
        return image.HasInk() ? png : throw Refused("signature-blank", "is blank: nothing is drawn on it. Sign in the box and send again.");
    }

    /// <summary>A signing pad of 600 x 200 CSS pixels on a screen with four device pixels per CSS pixel is 1.9 million.</summary>
    public const long MaxSignaturePixels = 4_000_000;

    private static RuleViolationException Refused(string rule, string problem) =>
        new($"consent.{rule}", $"The signature image (signaturePng) {problem}", new { field = "signaturePng" });
}
