using System.Net;
using System.Text.Json;
using Needling.Api.Tests.Support;
using Needling.Consent.Seed;
using Needling.Consent.Signing;

namespace Needling.Api.Tests.Consent;

/// <summary>
/// The patient's signing page in a real headless chromium (Debian's), against the service on a real loopback port:
/// keys typed, the signature drawn with the mouse, the signed PDF read back with poppler-utils.
/// </summary>
public sealed class ConsentBrowserTests(LoopbackApp app, HeadlessChromium browser) : IClassFixture<LoopbackApp>, IClassFixture<HeadlessChromium>
{
    private async Task<(HttpClient Desk, Guid Patient, string Link)> OpenLink(string given, string family, string language = "en")
    {
        var desk = await app.Desk();
        var patient = await desk.RegisterPatient(given, family, language: language);
        var request = (await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = "MN-PEN" })).Id();
        var link = (await desk.PostOk($"/consent/requests/{request}/link", new { }, HttpStatusCode.OK)).GetProperty("url").GetString()!;
        return (desk, patient, new Uri(app.BaseAddress, link).ToString());
    }

    private static async Task SaveScreenshot(BrowserPage page, string name)
    {
        // For a person to look at the page: NEEDLING_BROWSER_SCREENSHOTS=/some/folder
        if (Environment.GetEnvironmentVariable("NEEDLING_BROWSER_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), await page.ScreenshotAsync());
        }
    }

    [Fact]
    public async Task A_patient_types_her_name_and_draws_her_signature_with_the_mouse_and_the_stored_PDF_carries_the_drawn_mark()
    {
        var (desk, patient, link) = await OpenLink("Harriet", "Quill");
        using var _ = desk;
        await using var page = await browser.OpenPageAsync();
        await page.NavigateAsync(link);
        Assert.Equal("en", await page.TextAsync("document.documentElement.lang"));

        await page.TypeAsync("#fullName", "Harriet Quill");
        Assert.Equal("Harriet Quill", await page.TextAsync("document.getElementById('fullName').value"));
        await page.DrawAsync("#pad", DrawnSignature.Strokes);
        await SaveScreenshot(page, "signing-page-en-drawn");
        await page.ClickAsync("#submit");

        await page.WaitForAsync("!document.getElementById('done').hidden", "the thank-you block after sending the signature");
        Assert.Equal("Thank you. Your consent is signed.", await page.TextAsync("document.querySelector('#done p').textContent"));
        Assert.Equal(JsonValueKind.True, (await page.EvaluateAsync("document.getElementById('sign').hidden")).ValueKind);
        Assert.Equal("", await page.TextAsync("document.getElementById('error').textContent"));

        var consents = await desk.GetOk($"/patients/{patient}/consents");
        var request = Assert.Single(consents.GetProperty("requests").EnumerateArray());
        Assert.Equal("signed", request.GetProperty("status").GetString());
        var signed = Assert.Single(consents.GetProperty("signed").EnumerateArray());
        Assert.Equal("link", signed.GetProperty("channel").GetString());
        Assert.Equal(request.GetProperty("signedConsentId").GetGuid(), signed.Id());

        var pdf = await desk.GetByteArrayAsync($"/consent/signed/{signed.Id()}/pdf");
        var text = await PdfTools.Text(pdf);
        Assert.Contains("Harriet Quill", text);
        Assert.Contains("patient link", text);

        // The page's "Download your copy" link gives the patient the very same stored PDF.
        var copy = await page.TextAsync("document.getElementById('copy').href");
        using var phone = app.Anonymous();
        Assert.Equal(pdf, await phone.GetByteArrayAsync(copy));

        // The drawn mark is in the PDF: PDFsharp keeps the canvas' transparency as a soft mask of the 600 × 200 image.
        var images = await PdfImages.ExtractAsync(pdf);
        var listed = string.Join(", ", images.Select(i => $"{i.Kind} {i.Image.Width}x{i.Image.Height}x{i.Image.Channels} on page {i.Page}"));
        var mask = images.SingleOrDefault(i => i.Kind == "smask" && i.Image.Width == 600 && i.Image.Height == 200)
            ?? throw new Xunit.Sdk.XunitException($"No 600 × 200 soft mask (the drawn signature) in the PDF; it holds: {listed}.");
        var drawn = mask.Image.Marks();
        var reference = Png.Decode(DrawnSignature.Png()).Alpha().Marks(); // the same strokes, rendered apart with a 3 px pen
        Assert.True(drawn.Count >= reference.Count / 2 && drawn.Count <= reference.Count * 2,
            $"The signature in the PDF has {drawn.Count} marked pixels; the strokes drawn make about {reference.Count}. Images: {listed}.");
        Assert.True(drawn.Right - drawn.Left >= 0.9 * (reference.Right - reference.Left) && drawn.Bottom - drawn.Top >= 0.9 * (reference.Bottom - reference.Top),
            $"The marks in the PDF span ({drawn.Left},{drawn.Top})-({drawn.Right},{drawn.Bottom}); the strokes span ({reference.Left},{reference.Top})-({reference.Right},{reference.Bottom}).");
    }

    [Fact]
    public async Task Sending_without_drawing_a_signature_shows_Please_sign_in_the_box_and_signs_nothing()
    {
        var (desk, patient, link) = await OpenLink("Tapper", "Nodraw");
        using var _ = desk;
        await using var page = await browser.OpenPageAsync();
        await page.NavigateAsync(link);
        await page.TypeAsync("#fullName", "Tapper Nodraw");
        await page.ClickAsync("#pad"); // a tap in the box is not a signature
        await page.ClickAsync("#submit");

        await page.WaitForAsync("document.getElementById('error').textContent !== ''", "the page's error message");
        Assert.Equal("Please sign in the box.", await page.TextAsync("document.getElementById('error').textContent"));
        Assert.Equal(JsonValueKind.True, (await page.EvaluateAsync("document.getElementById('done').hidden")).ValueKind);
        Assert.Equal(JsonValueKind.False, (await page.EvaluateAsync("document.getElementById('submit').disabled")).ValueKind);

        var consents = await desk.GetOk($"/patients/{patient}/consents");
        Assert.Equal("open", Assert.Single(consents.GetProperty("requests").EnumerateArray()).GetProperty("status").GetString());
        Assert.Empty(consents.GetProperty("signed").EnumerateArray());
    }

    [Theory]
    [InlineData("ja", "美咲", "田中")]
    [InlineData("th", "สมหญิง", "ใจดี")]
    public async Task The_signing_page_is_in_the_patients_language_with_the_forms_title(string language, string given, string family)
    {
        var form = TemplateLibrary.Defaults().Single(t => t.TreatmentCode == "MN-PEN" && t.Language == language);
        var words = PageText.For(language);
        var (desk, _, link) = await OpenLink(given, family, language);
        using var _ = desk;
        await using var page = await browser.OpenPageAsync();
        await page.NavigateAsync(link);

        Assert.Equal(language, await page.TextAsync("document.documentElement.lang"));
        Assert.Equal(form.Title, await page.TextAsync("document.title"));
        Assert.Equal(form.Title, await page.TextAsync("document.querySelector('h1').textContent"));
        Assert.Equal(form.Sections[0].Heading, await page.TextAsync("document.querySelector('h2').textContent"));
        Assert.Equal(words.NameLabel, await page.TextAsync("document.querySelector('label[for=fullName]').textContent"));
        Assert.Equal(words.Submit, await page.TextAsync("document.getElementById('submit').textContent"));
        // Laid out, not just present: the title takes up room on the page.
        Assert.True((await page.BoxAsync("h1")).Width > 100);
        await SaveScreenshot(page, $"signing-page-{language}");

        await page.TypeAsync("#fullName", $"{family} {given}");
        await page.ClickAsync("#submit");
        await page.WaitForAsync("document.getElementById('error').textContent !== ''", $"the {language} error message");
        Assert.Equal(words.NeedSignature, await page.TextAsync("document.getElementById('error').textContent"));
    }
}
