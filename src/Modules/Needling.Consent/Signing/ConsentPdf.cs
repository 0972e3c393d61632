using Needling.Consent.Domain;
using Needling.Documents;

namespace Needling.Consent.Signing;

/// <summary>The signed consent as a PDF: the exact form text the patient saw, who signed, when, and the drawn signature.</summary>
internal static class ConsentPdf
{
    internal sealed record Facts(
        string ClinicName, string PatientName, DateOnly DateOfBirth, string TreatmentName, int Version, string TypedName,
        byte[] SignaturePng, DateTime SignedAtUtc, TimeZoneInfo ClinicZone, string Channel);

    public static byte[] Render(TemplateContent form, Facts f)
    {
        var l = Labels.For(form.Language);
        var local = TimeZoneInfo.ConvertTimeFromUtc(f.SignedAtUtc, f.ClinicZone);
        var offset = f.ClinicZone.GetUtcOffset(f.SignedAtUtc);
        var signedOn = $"{local:yyyy-MM-dd HH:mm} ({f.ClinicZone.Id}, UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
        var doc = new DocumentBuilder(new DocumentSettings
        {
            Title = form.Title.Replace("\u200B", "", StringComparison.Ordinal), // Thai word breaks have no place in the document's properties
            Author = f.ClinicName,
            Subject = $"{form.TreatmentCode} consent v{f.Version}",
            Language = form.Language,
            CreatedAt = f.SignedAtUtc,
        });
        doc.Header(f.ClinicName);
        doc.Footer($"{form.TreatmentCode} · v{f.Version} · {l.Footer}");
        doc.Heading(form.Title);
        doc.Table([1, 2], null,
        [
            [l.Patient, f.PatientName],
            [l.DateOfBirth, f.DateOfBirth.ToString("yyyy-MM-dd")],
            [l.Treatment, TreatmentLine(f.TreatmentName, form)],
            [l.FormVersion, $"v{f.Version} ({form.Language})"],
        ]);
        foreach (var section in form.Sections)
        {
            doc.Heading(section.Heading, 2);
            foreach (var paragraph in section.Paragraphs)
            {
                doc.Paragraph(paragraph);
            }
            if (section.Bullets.Count > 0)
            {
                doc.BulletList(section.Bullets);
            }
        }
        doc.Heading(l.Acknowledge, 2);
        doc.BulletList(form.Acknowledgements);
        // One unit, never split over pages: the heading, who signed, when and how, and the drawn signature itself.
        doc.Heading(l.Signature, 2);
        doc.Table([1, 2], null,
        [
            [l.SignedBy, f.TypedName],
            [l.SignedOn, signedOn],
            [l.Channel, f.Channel == "tablet" ? l.Tablet : l.Link],
        ], keepWithNext: true);
        doc.Image(f.SignaturePng, 70);
        return doc.Render();
    }

    /// <summary>The name with its code, once (a translated name may carry the code already), in the script's own brackets.</summary>
    private static string TreatmentLine(string name, TemplateContent form) =>
        name.Contains(form.TreatmentCode, StringComparison.Ordinal) ? name
        : form.Language == "ja" ? $"{name}（{form.TreatmentCode}）"
        : $"{name} ({form.TreatmentCode})";
}
