using System.Text;
using Needling.Documents.Tests.Support;

namespace Needling.Documents.Tests;

// These run poppler-utils (pdftotext, pdffonts, pdfinfo, pdfimages) on real output.
public sealed class PdfOutputTests
{
    private static readonly Lazy<byte[]> Sample = new(() => Samples.ThreeLanguages().Render());

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void English_japanese_and_thai_text_can_be_extracted()
    {
        var text = Poppler.Text(Sample.Value);
        var squashed = Squash(text);

        Assert.Contains("Microneedling creates controlled", text, StringComparison.Ordinal);
        Assert.Contains(Squash(Samples.Japanese), squashed, StringComparison.Ordinal);
        Assert.Contains(Squash(Samples.ThaiDrawn), squashed, StringComparison.Ordinal);
        Assert.Contains("การดูแลหลังการรักษา", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Thai_marks_moved_for_display_still_extract_as_the_original_text()
    {
        const string Text = "ผู้ป่วยที่ตั้งครรภ์ต้องแจ้งล่วงหน้า น้ำ ญี่ปุ่น";

        var pdf = new DocumentBuilder().Paragraph(Text).Render();

        Assert.Contains(Text, Poppler.Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_beyond_U_FFFF_copies_as_itself_and_the_rest_of_the_text_is_unchanged()
    {
        // PDFsharp maps U+1F600 to "1F600" in the font's text map, which readers take as U+1F60 (AstralToUnicode).
        const string Text = "Mia 😀 Lee signs; Zoë signs too.";

        var pdf = new DocumentBuilder().Paragraph(Text).Paragraph("さくら 🌸 ดอกไม้").Heading("Heading 😀").Render();
        var text = Poppler.Text(pdf);

        Assert.Contains(Text, text, StringComparison.Ordinal);
        Assert.Contains("Heading 😀", text, StringComparison.Ordinal); // the bold face's map too
        Assert.Contains("さくら \uFFFD ดอกไม้", text, StringComparison.Ordinal); // in no font: drawn and copied as U+FFFD
        Assert.DoesNotContain("\u1F60", text, StringComparison.Ordinal);
        Assert.Equal(1, Poppler.Pages(pdf)); // read back and saved again, still a sound PDF
    }

    [Fact]
    public void Every_font_is_embedded_as_a_subset()
    {
        var lines = Poppler.Fonts(Sample.Value).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToArray();

        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            // name type encoding emb sub uni object ID
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(columns[^5] == "yes", $"not embedded: {line}");
            Assert.True(columns[^3] == "yes", $"no ToUnicode map: {line}");
        });
    }

    [Fact]
    public void Each_script_uses_its_font_and_bold_uses_the_bold_faces()
    {
        var fonts = Poppler.Fonts(Sample.Value);

        Assert.Contains("DejaVu Sans,Bold", fonts, StringComparison.Ordinal);
        Assert.Contains("Noto Sans Thai Regular", fonts, StringComparison.Ordinal);
        Assert.Contains("Noto Sans Thai,Bold", fonts, StringComparison.Ordinal);
        Assert.True(fonts.Contains("IPAGothic", StringComparison.Ordinal) || fonts.Contains("BIZ UDGothic", StringComparison.Ordinal), fonts);
    }

    [Fact]
    public void The_footer_says_page_n_of_n_with_the_real_total()
    {
        var text = Poppler.Text(Sample.Value);

        Assert.Equal(2, Poppler.Pages(Sample.Value));
        Assert.Contains("page 1 of 2", text, StringComparison.Ordinal);
        Assert.Contains("page 2 of 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_is_on_every_page()
    {
        var pages = Poppler.Text(Sample.Value).Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToArray();

        Assert.Equal(2, pages.Length);
        Assert.All(pages, p => Assert.Contains("Harbour Skin Clinic", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_paragraph_flows_onto_a_second_page()
    {
        var sentence = string.Concat(Enumerable.Range(1, 200).Select(i => $"Sentence {i} of the consent text. "));
        var pdf = new DocumentBuilder().Footer("page {page} of {pages}").Paragraph(sentence).Render();
        var pages = Poppler.Text(pdf).Split('\f');

        Assert.Equal(2, Poppler.Pages(pdf));
        Assert.Contains("Sentence 1 of", pages[0], StringComparison.Ordinal);
        Assert.Contains("Sentence 200 of", pages[1], StringComparison.Ordinal);
        Assert.Contains("page 2 of 2", pages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Table_cells_appear_in_the_text()
    {
        var text = Poppler.Text(Sample.Value);

        Assert.Contains("Depth", text, StringComparison.Ordinal);
        Assert.Contains("0.25 mm", text, StringComparison.Ordinal);
        Assert.Contains("One pass; avoid the brow line", text, StringComparison.Ordinal);
        Assert.Contains("หน้าผาก", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_table_repeats_its_header_on_the_next_page()
    {
        var rows = Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[$"row {i}", "0.5 mm"]).ToList();
        var pdf = new DocumentBuilder().Table([1, 1], ["Zone", "Depth"], rows).Render();
        var pages = Poppler.Text(pdf).Split('\f').Where(p => p.Trim().Length > 0).ToArray();

        Assert.True(pages.Length >= 2);
        Assert.All(pages, p => Assert.Contains("Zone", p, StringComparison.Ordinal));
        Assert.All(Enumerable.Range(1, 60), i => Assert.Single(pages, p => p.Contains($"row {i} ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_signature_image_is_embedded_with_its_transparency()
    {
        var list = Poppler.Images(Sample.Value);

        Assert.Contains(" image ", list, StringComparison.Ordinal);
        Assert.Contains(" smask ", list, StringComparison.Ordinal);
        Assert.Contains("240    80", list, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_author_and_language_are_in_the_metadata()
    {
        var info = Poppler.Info(Sample.Value);

        Assert.Matches(@"Title:\s+Aftercare: microneedling", info);
        Assert.Matches(@"Author:\s+Harbour Skin Clinic", info);
        Assert.Contains("/Lang(en)", Encoding.Latin1.GetString(Sample.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_page_break_starts_a_new_page()
    {
        var pdf = new DocumentBuilder().Paragraph("one").PageBreak().Paragraph("two").Render();

        Assert.Equal(2, Poppler.Pages(pdf));
    }

    [Fact]
    public void A_document_with_thai_text_and_no_thai_font_fails_naming_fonts_noto_core()
    {
        using var folder = new TempFolder();
        var doc = Samples.ThreeLanguages(folder.AsFontFolder());

        var e = Assert.Throws<MissingFontException>(doc.Render);

        Assert.Contains("fonts-", e.Message, StringComparison.Ordinal);
        var thaiOnly = new DocumentBuilder(new DocumentSettings { Fonts = folder.AsFontFolder() }).Paragraph("แก้ม");
        var thai = Assert.Throws<MissingFontException>(thaiOnly.Render);
        Assert.Equal(TextScript.Thai, thai.Script);
        Assert.Contains("fonts-noto-core", thai.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_english_document_needs_only_the_latin_font()
    {
        using var folder = new TempFolder();
        File.Copy("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", Path.Combine(folder.Path, "DejaVuSans.ttf"));
        File.Copy("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", Path.Combine(folder.Path, "DejaVuSans-Bold.ttf"));
        var fonts = folder.AsFontFolder();

        var pdf = new DocumentBuilder(new DocumentSettings { Fonts = fonts }).Heading("Consent").Paragraph("I agree.").Render();

        Assert.Contains("I agree.", Poppler.Text(pdf), StringComparison.Ordinal);
        Assert.Throws<MissingFontException>(new DocumentBuilder(new DocumentSettings { Fonts = fonts }).Paragraph("同意します").Render);
    }

    [Fact]
    public void A_character_no_font_covers_is_drawn_as_a_replacement_mark_instead_of_failing()
    {
        // Text can come from patients (a name with an emoji): it must never stop the document. U+FFFD is drawn instead.
        var pdf = new DocumentBuilder().Paragraph("Private use \U0010FFFD here").Render();

        Assert.Contains("Private use \uFFFD here", Poppler.Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_render_in_parallel()
    {
        var pdfs = new byte[4][];
        Parallel.For(0, pdfs.Length, i => pdfs[i] = Samples.ThreeLanguages().Render());

        Assert.All(pdfs, pdf => Assert.Equal(2, Poppler.Pages(pdf)));
    }

    // Set NEEDLING_DOCUMENTS_PREVIEW to a folder to keep the sample PDF and its pages as PNG, to look at the layout.
    [Fact]
    public void Every_page_renders_to_an_image()
    {
        using var temp = new TempFolder();
        var folder = Environment.GetEnvironmentVariable("NEEDLING_DOCUMENTS_PREVIEW") is { Length: > 0 } preview ? preview : temp.Path;
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "sample.pdf"), Sample.Value);

        var files = Poppler.RenderPng(Sample.Value, folder, 60);

        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 1000));
    }
}
