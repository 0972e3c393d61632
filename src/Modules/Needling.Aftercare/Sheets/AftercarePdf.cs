using Needling.Aftercare.Texts;
using Needling.ClinicalRules;
using Needling.Documents;

namespace Needling.Aftercare.Sheets;

/// <summary>
/// The aftercare sheet as a PDF: the common part for the treatment and indication, then what depends on this
/// session (bruising, home topicals, the next date, the product and lot), what should make the patient call,
/// and, after dry needling over the chest, the emergency warning. Everything in the patient's language.
/// </summary>
internal static class AftercarePdf
{
    internal sealed record Topical(string Product, string Strength, string Frequency, string Duration);

    internal sealed record Product(string Name, string Lot);

    /// <summary>What the sheet says of this session; areas are body-area codes, named in the patient's language here.</summary>
    internal sealed record Facts(
        string ClinicName, string? ClinicPhone, string PatientName, string TreatmentCode, string Indication, DateOnly SessionDate,
        IReadOnlyList<string> Areas, bool Bruising, IReadOnlyList<Topical> HomeTopicals, DateOnly? NextSessionOn, bool ThoraxNeedled,
        IReadOnlyList<Product> Products, DateTime RenderedAtUtc);

    public static byte[] Render(AftercareText t, Facts f)
    {
        var treatment = t.TreatmentName(f.TreatmentCode);
        var title = AftercareText.Fill(t.Title, ("treatment", treatment));
        var doc = new DocumentBuilder(new DocumentSettings
        {
            Title = title.Replace("\u200B", "", StringComparison.Ordinal), // Thai word breaks have no place in the document's properties
            Author = f.ClinicName,
            Subject = $"{f.TreatmentCode} aftercare",
            Language = t.Language,
            CreatedAt = f.RenderedAtUtc,
        });
        doc.Header(f.ClinicName);
        doc.Footer(t.Labels.Footer);
        doc.Heading(title);
        doc.Paragraph(AftercareText.Fill(t.Intro, ("date", t.Date(f.SessionDate)), ("treatment", treatment)));
        doc.Table([1, 2], null,
        [
            [t.Labels.Patient, f.PatientName],
            [t.Labels.Treatment, t.Indications.TryGetValue(f.Indication, out var indication) ? $"{treatment} · {indication}" : treatment],
            [t.Labels.SessionDate, t.Date(f.SessionDate)],
            [t.Labels.Areas, string.Join(", ", f.Areas.Select(a => BodyAreaVocabulary.Default.Name(a, t.Language)))],
            [t.Labels.Clinic, f.ClinicPhone is null ? f.ClinicName : $"{f.ClinicName} · {f.ClinicPhone}"],
        ]);
        if (f.ThoraxNeedled)
        {
            // First, not last: the one thing on this sheet that cannot wait.
            Section(doc, new TextSection(t.Emergency.Heading, [t.Emergency.Text]));
        }
        foreach (var section in t.ByTreatment.GetValueOrDefault(f.TreatmentCode) ?? [])
        {
            Section(doc, section);
        }
        foreach (var section in t.ByIndication.GetValueOrDefault(f.Indication) ?? [])
        {
            Section(doc, section);
        }
        if (f.Bruising)
        {
            Section(doc, t.Bruising);
        }
        if (f.HomeTopicals.Count > 0)
        {
            doc.Heading(t.HomeTopicals.Heading, 2);
            doc.Paragraph(t.HomeTopicals.Intro);
            doc.BulletList(f.HomeTopicals.Select(h => AftercareText.Fill(t.HomeTopicals.Line,
                ("product", h.Product), ("strength", h.Strength), ("frequency", h.Frequency), ("duration", h.Duration))).ToList());
        }
        if (f.Products.Count > 0)
        {
            doc.Heading(t.Product.Heading, 2);
            doc.Paragraph(t.Product.Text);
            doc.BulletList(f.Products.Select(p => AftercareText.Fill(t.Product.Line, ("product", p.Name), ("lot", p.Lot))).ToList());
        }
        if (f.NextSessionOn is { } next)
        {
            doc.Heading(t.NextSession.Heading, 2);
            doc.Paragraph(AftercareText.Fill(t.NextSession.Text, ("date", t.Date(next))));
            doc.Paragraph(t.NextSession.Course);
        }
        doc.Heading(t.CallClinic.Heading, 2);
        doc.BulletList(t.CallClinic.Bullets);
        doc.Paragraph(f.ClinicPhone is null ? t.CallClinic.NoPhone : AftercareText.Fill(t.CallClinic.Phone, ("phone", f.ClinicPhone)));
        return doc.Render();
    }

    private static void Section(DocumentBuilder doc, TextSection s)
    {
        doc.Heading(s.Heading, 2);
        foreach (var p in s.Paragraphs ?? [])
        {
            doc.Paragraph(p);
        }
        if (s.Bullets is { Count: > 0 } bullets)
        {
            doc.BulletList(bullets);
        }
    }
}
