using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Inputs;

/// <summary>
/// A patient named in any script can sign, and the signed PDF carries the name (read back with pdftotext). PDFsharp
/// shapes nothing: Devanagari conjuncts and Arabic joining are not formed (see README, "Fonts"), but the letters are
/// there, in Noto fonts, and extract as the name. A character no font has is drawn as U+FFFD; an emoji that a font has
/// is drawn from it and copies as itself.
/// </summary>
public abstract class NameScriptTests(AppFixture app)
{
    [Theory]
    [InlineData("अनीता", "शर्मा")]
    [InlineData("민지", "김")]
    [InlineData("ليلى", "حداد")]
    [InlineData("Mia 😀", "Lee")]
    [InlineData("Zoë 🌸", "O'Brien-Nguyễn")]
    public async Task A_patient_named_in_any_script_signs_and_the_PDF_shows_the_name(string given, string family)
    {
        using var desk = await app.As("Receptionist");
        var patient = await desk.RegisterPatient(given, family);
        var request = (await desk.PostOk("/consent/requests", new { patientId = patient, treatmentCode = "MN-PEN" })).Id();
        var typed = $"{given} {family}";
        var signed = await desk.PostOk($"/consent/requests/{request}/sign", new { fullName = typed, signaturePng = PdfTools.SignaturePng() });

        var pdf = await (await desk.GetAsync($"/consent/signed/{signed.Id()}/pdf")).Content.ReadAsByteArrayAsync();
        var text = await PdfTools.Text(pdf);
        // Every word of the name extracts as written, the emoji too: U+1F600 is drawn from DejaVu Sans and copies as
        // itself; U+1F338 is in none of the fonts (FontCandidates), so it is drawn, and copies, as U+FFFD.
        foreach (var word in typed.Replace("🌸", "\uFFFD", StringComparison.Ordinal).Split(' '))
        {
            Assert.Contains(word, text);
        }
        Assert.DoesNotContain("\u1F60", text); // what PDFsharp's own text map made of U+1F600 (AstralToUnicode)
    }
}

public sealed class NameScriptTestsOnSqlite(SqliteApp app) : NameScriptTests(app), IClassFixture<SqliteApp>;

public sealed class NameScriptTestsOnPostgres(PostgresApp app) : NameScriptTests(app), IClassFixture<PostgresApp>;
