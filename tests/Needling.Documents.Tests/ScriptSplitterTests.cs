using Needling.Documents.Text;

namespace Needling.Documents.Tests;

public sealed class ScriptSplitterTests
{
    private static (string Text, TextScript Script)[] Split(string text) =>
        ScriptSplitter.Split(text).Select(r => (text.Substring(r.Start, r.Length), r.Script)).ToArray();

    [Fact]
    public void Latin_japanese_and_thai_become_separate_runs() =>
        Assert.Equal([("Cheeks ", TextScript.Latin), ("頬", TextScript.Japanese), (" แก้ม", TextScript.Thai)], Split("Cheeks 頬 แก้ม"));

    [Fact]
    public void Spaces_after_japanese_go_to_the_next_script_so_they_are_not_half_an_em_wide() =>
        Assert.Equal([("署名", TextScript.Japanese), (" / ", TextScript.Latin), ("ลายมือชื่อ", TextScript.Thai)], Split("署名 / ลายมือชื่อ"));

    [Fact]
    public void Spaces_between_japanese_words_stay_japanese() =>
        Assert.Equal([("施術 後", TextScript.Japanese)], Split("施術 後"));

    [Fact]
    public void Spaces_and_zero_width_spaces_join_the_run_before_them() =>
        Assert.Equal([("ใช้\u200Bครีม ", TextScript.Thai), ("SPF", TextScript.Latin)], Split("ใช้\u200Bครีม SPF"));

    [Fact]
    public void Leading_spaces_join_the_first_run() =>
        Assert.Equal([("  施術", TextScript.Japanese)], Split("  施術"));

    [Theory]
    [InlineData("ひらがな")]
    [InlineData("カタカナー")]
    [InlineData("漢字")]
    [InlineData("「」、。・")]
    [InlineData("（ＳＰＦ５０）")]
    [InlineData("ｶﾀｶﾅ")]
    [InlineData("㎜")]
    [InlineData("𠮷")]
    public void Kana_kanji_cjk_punctuation_and_fullwidth_forms_are_japanese(string text) =>
        Assert.Equal([(text, TextScript.Japanese)], Split(text));

    [Fact]
    public void Thai_marks_stay_in_the_thai_run() =>
        Assert.Equal([("ที่นี่", TextScript.Thai)], Split("ที่นี่"));

    [Fact]
    public void Digits_and_ascii_punctuation_in_thai_and_japanese_text_are_latin() =>
        Assert.Equal([("เป็นเวลา ", TextScript.Thai), ("24 ", TextScript.Latin), ("ชั่วโมง", TextScript.Thai), ("24", TextScript.Latin), ("時間", TextScript.Japanese)],
            Split("เป็นเวลา 24 ชั่วโมง24時間"));

    [Fact]
    public void A_latin_combining_accent_stays_with_its_letter() =>
        Assert.Equal([("cafe\u0301", TextScript.Latin)], Split("cafe\u0301"));

    [Fact]
    public void Text_of_spaces_only_is_one_latin_run() =>
        Assert.Equal([("   ", TextScript.Latin)], Split("   "));

    [Fact]
    public void Empty_text_has_no_runs() => Assert.Empty(Split(""));
}
