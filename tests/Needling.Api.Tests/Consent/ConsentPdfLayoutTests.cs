using Needling.Api.Tests.Support;
using Needling.Consent.Domain;
using Needling.Consent.Seed;
using Needling.Consent.Signing;

namespace Needling.Api.Tests.Consent;

/// <summary>How the signed consent PDF falls onto pages, whatever the length of the form's text.</summary>
public sealed class ConsentPdfLayoutTests
{
    [Fact]
    public async Task The_signature_label_the_signers_details_and_the_drawn_signature_always_share_a_page()
    {
        var shipped = TemplateLibrary.Defaults().Single(t => t.TreatmentCode == "MN-PEN" && t.Language == "en");
        var pagesSeen = new HashSet<int>();
        // Lengthen the form a line at a time, so that the signature block meets the foot of a page at every offset.
        for (int extra = 0; extra <= 36; extra++)
        {
            var form = shipped with
            {
                Sections = [.. shipped.Sections, new TemplateSection("Notes", [.. Enumerable.Range(1, extra).Select(i => $"Note line {i}.")], [])],
            };
            var pdf = ConsentPdf.Render(form, new ConsentPdf.Facts("Harbour Skin Clinic", "Page Foot", new DateOnly(1990, 1, 1), "Microneedling, automated pen", 1,
                "Page Foot", DrawnSignature.Png(), new DateTime(2026, 11, 20, 9, 41, 0, DateTimeKind.Utc), TimeZoneInfo.Utc, "tablet"));

            var pages = (await PdfTools.Text(pdf)).Split('\f');
            var labelPage = Array.FindLastIndex(pages, p => p.Split('\n').Any(l => l.Trim() == "Signature")) + 1;
            var imagePage = Assert.Single(await PdfImages.ExtractAsync(pdf), i => i.Kind == "image").Page;
            Assert.True(labelPage == imagePage, $"With {extra} extra lines the label 'Signature' is on page {labelPage} and the drawn signature on page {imagePage}.");
            var signerPage = Array.FindLastIndex(pages, p => p.Contains("Signed by", StringComparison.Ordinal)) + 1;
            Assert.True(signerPage == imagePage, $"With {extra} extra lines 'Signed by' is on page {signerPage} and the drawn signature on page {imagePage}.");
            pagesSeen.Add(imagePage);
        }
        Assert.True(pagesSeen.Count > 1, "The extra lines never pushed the signature onto another page, so the test proved nothing.");
    }
}
