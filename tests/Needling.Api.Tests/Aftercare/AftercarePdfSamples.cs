using Needling.Aftercare.Sheets;
using Needling.Aftercare.Texts;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Aftercare;

/// <summary>
/// Aftercare sheets as the service renders them at signing, per language: a microneedling session with bruising and a
/// prescribed topical, and a dry-needling session over the thorax. With NEEDLING_SAMPLES_DIR set (relative to the
/// repository root) each is written there as aftercare-{kind}-{language}.pdf for people to look at.
/// </summary>
public sealed class AftercarePdfSamples
{
    private static readonly DateTime RenderedAtUtc = new(2026, 11, 20, 11, 5, 0, DateTimeKind.Utc);

    public static TheoryData<string, string> Languages() => new() { { "en", "Eleanor Whitcombe" }, { "ja", "佐藤 陽菜" }, { "th", "กัญญา ศรีสุข" } };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_microneedling_sheet_carries_bruising_care_the_prescribed_topical_and_the_next_date(string language, string patient)
    {
        var t = AftercareText.For(language);
        var pdf = AftercarePdf.Render(t, new AftercarePdf.Facts(
            "Harbour Skin Clinic", "+44 20 7946 0000", patient, "MN-PEN", "hypopigmentation", new DateOnly(2026, 11, 20),
            ["cheeks", "forehead"], Bruising: true,
            [new AftercarePdf.Topical("Tacrolimus ointment", "0.1%", "twice a day", "4 weeks")],
            new DateOnly(2026, 12, 4), ThoraxNeedled: false, [], RenderedAtUtc));
        await Save(pdf, $"aftercare-MN-PEN-{language}.pdf");

        var text = Flat(await PdfTools.Text(pdf));
        Assert.Contains(Flat(t.Bruising.Heading), text);
        Assert.Contains(Flat("Tacrolimus ointment"), text);
        Assert.Contains(Flat(t.Date(new DateOnly(2026, 12, 4))), text);
        Assert.Contains(Flat("+44 20 7946 0000"), text);
        Assert.DoesNotContain(Flat(t.Emergency.Heading), text);
        Assert.All(await PdfTools.Fonts(pdf), row => Assert.Contains(" yes ", row[row.IndexOf(' ', 40)..]));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_dry_needling_sheet_over_the_thorax_carries_the_emergency_warning_and_no_bruising_section(string language, string patient)
    {
        var t = AftercareText.For(language);
        var pdf = AftercarePdf.Render(t, new AftercarePdf.Facts(
            "Harbour Skin Clinic", null, patient, "DRY-NEEDLING", "musculoskeletal", new DateOnly(2026, 11, 20),
            ["upper-back", "neck"], Bruising: false, [], new DateOnly(2026, 11, 27), ThoraxNeedled: true, [], RenderedAtUtc));
        await Save(pdf, $"aftercare-DRY-NEEDLING-{language}.pdf");

        var text = Flat(await PdfTools.Text(pdf));
        Assert.Contains(Flat(t.Emergency.Heading), text);
        Assert.DoesNotContain(Flat(t.Bruising.Heading), text);
        Assert.Contains(Flat(t.CallClinic.Heading), text);
        Assert.DoesNotContain("+44", text); // no number on file: the sheet says so rather than print an empty one
    }

    // pdftotext breaks lines and drops Thai zero-width spaces: compare without either.
    private static string Flat(string s) => new(s.Where(c => !char.IsWhiteSpace(c) && c != '\u200B').ToArray());

    private static async Task Save(byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("NEEDLING_SAMPLES_DIR") is { Length: > 0 } folder)
        {
            folder = Path.IsPathRooted(folder) ? folder : Path.Combine(Samples.RepositoryRoot(), folder);
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name), pdf);
        }
    }
}
