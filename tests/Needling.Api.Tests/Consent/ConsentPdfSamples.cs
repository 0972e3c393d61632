using Needling.Api.Tests.Support;
using Needling.Consent.Seed;
using Needling.Consent.Signing;

namespace Needling.Api.Tests.Consent;

/// <summary>
/// A signed consent per treatment and language (MN-PEN and UC-MSC in all three, two more spot checks), rendered as the service renders it at signing (invented patient, a drawn-looking
/// signature). With NEEDLING_SAMPLES_DIR set (relative paths from the repository root), each PDF is also written there
/// as consent-{treatment}-{language}.pdf for people to look at: <c>NEEDLING_SAMPLES_DIR=docs/samples dotnet test ... --filter ConsentPdfSamples</c>.
/// </summary>
public sealed class ConsentPdfSamples
{
    private static readonly DateTime SignedAtUtc = new(2026, 11, 20, 9, 41, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("MN-PEN", "en", "Eleanor", "Whitcombe", "Eleanor Whitcombe", "Europe/London", "link", "page {0} of {1}", "2026-11-20 09:41")]
    [InlineData("MN-PEN", "ja", "陽菜", "佐藤", "佐藤 陽菜", "Asia/Tokyo", "tablet", "{1}ページ中{0}ページ", "2026-11-20 18:41")]
    [InlineData("MN-PEN", "th", "กัญญา", "ศรีสุข", "กัญญา ศรีสุข", "Asia/Bangkok", "link", "หน้า {0} จาก {1}", "2026-11-20 16:41")]
    [InlineData("UC-MSC", "en", "Eleanor", "Whitcombe", "Eleanor Whitcombe", "Europe/London", "link", "page {0} of {1}", "2026-11-20 09:41")]
    [InlineData("UC-MSC", "ja", "陽菜", "佐藤", "佐藤 陽菜", "Asia/Tokyo", "tablet", "{1}ページ中{0}ページ", "2026-11-20 18:41")]
    [InlineData("UC-MSC", "th", "กัญญา", "ศรีสุข", "กัญญา ศรีสุข", "Asia/Bangkok", "link", "หน้า {0} จาก {1}", "2026-11-20 16:41")]
    [InlineData("DRY-NEEDLING", "th", "กัญญา", "ศรีสุข", "กัญญา ศรีสุข", "Asia/Bangkok", "tablet", "หน้า {0} จาก {1}", "2026-11-20 16:41")]
    [InlineData("MN-ROLLER", "ja", "陽菜", "佐藤", "佐藤 陽菜", "Asia/Tokyo", "link", "{1}ページ中{0}ページ", "2026-11-20 18:41")]
    public async Task A_signed_consent_names_patient_and_signer_numbers_every_page_and_keeps_the_drawn_signature(
        string treatment, string language, string given, string family, string typedName, string zone, string channel, string pageOf, string localTime)
    {
        var form = TemplateLibrary.Defaults().Single(t => t.TreatmentCode == treatment && t.Language == language);
        var pdf = ConsentPdf.Render(form, new ConsentPdf.Facts(
            "Harbour Skin Clinic", new Needling.Contracts.Patients.PatientSummary(Guid.NewGuid(), given, family, new DateOnly(1988, 3, 14), language, null).NameIn(language), new DateOnly(1988, 3, 14),
            form.TreatmentName!, TemplateLibrary.Edition, typedName, DrawnSignature.Png(), SignedAtUtc, TimeZoneInfo.FindSystemTimeZoneById(zone), channel));

        if (Environment.GetEnvironmentVariable("NEEDLING_SAMPLES_DIR") is { Length: > 0 } folder)
        {
            folder = Path.IsPathRooted(folder) ? folder : Path.Combine(Samples.RepositoryRoot(), folder);
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, $"consent-{treatment}-{language}.pdf"), pdf);
        }

        var pages = (await PdfTools.Text(pdf)).Split('\f', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(pages.Length, 2, 4);
        for (int i = 0; i < pages.Length; i++)
        {
            Assert.Contains("Harbour Skin Clinic", pages[i]);
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, pageOf, i + 1, pages.Length), pages[i]);
        }
        var text = string.Concat(pages);
        Assert.Contains(given, text);
        Assert.Contains(family, text);
        Assert.Contains(localTime, text);
        Assert.Contains(zone, text);

        var signature = Assert.Single(await PdfImages.ExtractAsync(pdf), i => i.Kind == "smask");
        Assert.True(signature.Image.Marks().Count > 1000, "The drawn signature is missing from the PDF.");
    }
}
