using Needling.Documents.Fonts;
using Needling.Documents.Rendering;
using Needling.Documents.Tests.Support;
using PdfSharp.Drawing;

namespace Needling.Documents.Tests;

public sealed class FontTests
{
    private static readonly FontCatalog System = FontCatalog.For(FontSettings.SystemDefault);

    [Theory]
    [InlineData(TextScript.Latin, "DejaVuSans.ttf")]
    [InlineData(TextScript.Japanese, "ipag.ttf|BIZUDGothic-Regular.ttf")]
    [InlineData(TextScript.Thai, "NotoSansThai-Regular.ttf")]
    public void Each_script_is_drawn_with_its_own_installed_font(TextScript script, string files) =>
        Assert.Contains(Path.GetFileName(System.Get(script).Regular.Path), files.Split('|'));

    [Fact]
    public void Latin_and_thai_have_real_bold_faces()
    {
        Assert.EndsWith("DejaVuSans-Bold.ttf", System.Get(TextScript.Latin).Bold?.Path, StringComparison.Ordinal);
        Assert.EndsWith("NotoSansThai-Bold.ttf", System.Get(TextScript.Thai).Bold?.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TextScript.Latin, "Microneedling 0.5 mm")]
    [InlineData(TextScript.Japanese, "施術後のケア、赤み。")]
    [InlineData(TextScript.Thai, "หลีกเลี่ยงแสงแดด")]
    public void Widths_measured_from_the_font_file_match_what_pdfsharp_draws(TextScript script, string text)
    {
        PdfSharpSetup.EnsureInitialized();
        var face = System.Get(script);
        var gfx = XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
        foreach (var bold in new[] { false, true })
        {
            double ours = text.Sum(c => face.Advance(c, bold)) * 12;
            double pdfsharp = gfx.MeasureString(text, face.XFont(12, bold)).Width;
            Assert.Equal(pdfsharp, ours, 2);
        }
    }

    [Fact]
    public void Scanning_an_empty_folder_finds_no_fonts()
    {
        using var empty = new TempFolder();

        var catalog = FontCatalog.For(empty.AsFontFolder());

        Assert.All(Enum.GetValues<TextScript>(), s => Assert.Null(catalog.TryGet(s)));
    }

    [Fact]
    public void A_missing_thai_font_fails_with_an_exception_naming_fonts_noto_core()
    {
        using var empty = new TempFolder();

        var e = Assert.Throws<MissingFontException>(() => DocumentFonts.EnsureAvailable(empty.AsFontFolder(), TextScript.Thai));

        Assert.Equal(TextScript.Thai, e.Script);
        Assert.Equal("fonts-noto-core", e.DebianPackage);
        Assert.Contains("Thai", e.Message, StringComparison.Ordinal);
        Assert.Contains("fonts-noto-core", e.Message, StringComparison.Ordinal);
        Assert.Contains(empty.Path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_japanese_font_names_fonts_ipafont_gothic()
    {
        using var empty = new TempFolder();

        var e = Assert.Throws<MissingFontException>(() => DocumentFonts.EnsureAvailable(empty.AsFontFolder(), TextScript.Japanese));

        Assert.Contains("fonts-ipafont-gothic", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_three_fonts_are_installed_on_this_machine() => DocumentFonts.EnsureAvailable();

    [Fact]
    public void Fonts_copied_into_an_application_folder_are_found_by_file_name()
    {
        using var folder = new TempFolder();
        File.Copy(System.Get(TextScript.Latin).Regular.Path, Path.Combine(folder.Path, "DejaVuSans.ttf"));

        var face = FontCatalog.For(folder.AsFontFolder()).Get(TextScript.Latin);

        Assert.Equal(Path.Combine(folder.Path, "DejaVuSans.ttf"), face.Regular.Path);
        Assert.Null(face.Bold);
    }

    [Fact]
    public void A_file_that_is_not_a_font_is_reported_by_path()
    {
        var e = Assert.Throws<InvalidDataException>(() => FontFile.Parse("/fonts/broken.ttf", [0, 1, 0, 0, 0, 9, 0, 0]));

        Assert.Contains("/fonts/broken.ttf", e.Message, StringComparison.Ordinal);
    }
}
