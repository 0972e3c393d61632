using Needling.Documents.Fonts;
using Needling.Documents.Text;

namespace Needling.Documents.Tests;

// Measured against the installed Noto Sans Thai: PDFsharp draws no GPOS, so these offsets are all that keeps
// tone marks readable.
public sealed class ThaiMarksTests
{
    private static readonly FontFace Thai = FontCatalog.For(FontSettings.SystemDefault).Get(TextScript.Thai);

    private static (double Dx, double Dy)[]? Offsets(string text) => ThaiMarks.Offsets(text, 0, text.Length, c => Thai.Bounds(c, false));

    private static GlyphBox Box(char c) => Thai.Bounds(c, false)!.Value;

    [Fact]
    public void A_tone_mark_above_an_upper_vowel_is_raised_clear_of_it()
    {
        var offsets = Offsets("ที่")!;

        Assert.Equal(0, offsets[1].Dy);
        Assert.True(Box('\u0E48').YMin + offsets[2].Dy > Box('\u0E35').YMax, "the tone mark still touches the vowel");
    }

    [Fact]
    public void A_tone_mark_before_sara_am_is_raised_above_its_ring()
    {
        var offsets = Offsets("น้ำ")!;

        Assert.True(offsets[1].Dy > 0.1);
    }

    [Fact]
    public void Marks_over_a_tall_consonant_move_left_of_its_ascender_together()
    {
        var offsets = Offsets("ปี่")!;
        var po = Box('\u0E1B');

        Assert.True(offsets[1].Dx < 0);
        Assert.Equal(offsets[1].Dx, offsets[2].Dx);
        Assert.True(po.Advance + Box('\u0E48').XMax + offsets[2].Dx < po.XMax - 0.08, "the tone mark still overlaps the ascender");
    }

    [Fact]
    public void A_lower_vowel_under_a_consonant_with_a_tail_drops_below_the_tail()
    {
        var offsets = Offsets("ฏุ")!;

        Assert.True(Box('\u0E38').YMax + offsets[1].Dy < Box('\u0E0F').YMin);
    }

    [Theory]
    [InlineData("กิน")]
    [InlineData("ก่อน")]
    [InlineData("กุ้ง")]
    [InlineData("ทุก")]
    [InlineData("Cheeks")]
    public void Marks_over_ordinary_consonants_stay_where_the_font_puts_them(string text) => Assert.Null(Offsets(text));

    [Fact]
    public void The_outline_of_a_mark_is_read_from_the_font_within_its_bounding_box()
    {
        var contours = Thai.Regular.Outline('\u0E48');
        var box = Box('\u0E48');

        Assert.NotEmpty(contours);
        Assert.All(contours.SelectMany(c => c), p => Assert.InRange(p.X, box.XMin - 0.001, box.XMax + 0.001));
        Assert.All(contours.SelectMany(c => c), p => Assert.InRange(p.Y, box.YMin - 0.001, box.YMax + 0.001));
    }
}
