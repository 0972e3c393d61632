using Needling.Documents.Tests.Support;
using Needling.Documents.Text;

namespace Needling.Documents.Tests;

// Widths are in characters (Support/Monospace): a width of 10 fits ten characters.
public sealed class LineBreakerTests
{
    [Fact]
    public void Text_that_fits_stays_on_one_line() =>
        Assert.Equal(["Avoid sun."], Monospace.Lines("Avoid sun.", 20));

    [Fact]
    public void Latin_text_breaks_at_spaces_and_the_spaces_are_not_drawn() =>
        Assert.Equal(["Avoid direct", "sunlight for", "two days."], Monospace.Lines("Avoid direct sunlight for two days.", 12));

    [Fact]
    public void A_word_that_exactly_fills_the_line_fits() =>
        Assert.Equal(["abcde", "fghij"], Monospace.Lines("abcde fghij", 5));

    [Fact]
    public void Several_spaces_between_words_are_one_break() =>
        Assert.Equal(["one", "two"], Monospace.Lines("one    two", 4));

    [Fact]
    public void Zero_width_spaces_let_thai_break_between_words()
    {
        var text = "หลีกเลี่ยง\u200Bแสงแดด\u200Bโดยตรง";
        var lines = Monospace.Lines(text, 8);

        Assert.Equal(["หลีกเลี่ยง", "แสงแดด", "โดยตรง"], lines.Select(l => l.Replace("\u200B", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Thai_without_zero_width_spaces_breaks_only_where_it_overflows_and_never_before_a_mark()
    {
        var lines = Monospace.Lines("หลีกเลี่ยงแสงแดดโดยตรง", 6);

        Assert.True(lines.Length > 1);
        Assert.Equal("หลีกเลี่ยงแสงแดดโดยตรง", string.Concat(lines));
        Assert.All(lines, l => Assert.False(Scripts.IsMark(l[0]), $"line starts with a combining mark: {l}"));
        Assert.All(lines.SkipLast(1), l => Assert.False(l[^1] is >= '\u0E40' and <= '\u0E44', $"line ends with a leading vowel: {l}"));
    }

    [Fact]
    public void Japanese_breaks_between_any_two_characters() =>
        Assert.Equal(["施術後の", "ケアにつ", "いて"], Monospace.Lines("施術後のケアについて", 4));

    [Theory]
    [InlineData("。")]
    [InlineData("、")]
    [InlineData("」")]
    [InlineData("）")]
    [InlineData("！")]
    [InlineData("？")]
    [InlineData("・")]
    [InlineData("ー")]
    [InlineData("ゃ")]
    [InlineData("ゅ")]
    [InlineData("ょ")]
    [InlineData("っ")]
    public void A_japanese_line_never_starts_with_closing_punctuation_or_small_kana(string closing)
    {
        var lines = Monospace.Lines("日焼けです" + closing + "明日", 5);

        Assert.All(lines, l => Assert.False(l.StartsWith(closing, StringComparison.Ordinal), $"line starts with {closing}"));
        Assert.Equal("日焼けです" + closing + "明日", string.Concat(lines));
    }

    [Theory]
    [InlineData("「")]
    [InlineData("（")]
    public void A_japanese_line_never_ends_with_an_opening_bracket(string opening)
    {
        var lines = Monospace.Lines("日焼け止め" + opening + "SPF50）", 8);

        Assert.All(lines, l => Assert.False(l.EndsWith(opening, StringComparison.Ordinal), $"line ends with {opening}"));
    }

    [Fact]
    public void Closing_punctuation_goes_to_the_next_line_with_the_character_before_it() =>
        Assert.Equal(["控えてくださ", "い。"], Monospace.Lines("控えてください。", 7));

    [Fact]
    public void A_word_longer_than_the_line_is_broken_by_characters() =>
        Assert.Equal(["hyalur", "onic", "acid"], Monospace.Lines("hyaluronic acid", 6));

    [Fact]
    public void The_rest_of_an_overlong_word_shares_its_line_with_the_next_word() =>
        Assert.Equal(["abcdefgh", "ij kl"], Monospace.Lines("abcdefghij kl", 8));

    [Fact]
    public void Mixed_scripts_break_at_spaces_and_between_japanese_characters() =>
        Assert.Equal(["SPF 50の日焼", "け止めを use", "daily"], Monospace.Lines("SPF 50の日焼け止めを use daily", 9));

    [Fact]
    public void Latin_words_next_to_japanese_are_not_split() =>
        Assert.Equal(["毎日", "SPF50", "を使用"], Monospace.Lines("毎日SPF50を使用", 5));

    [Fact]
    public void A_line_feed_forces_a_break_and_keeps_blank_lines() =>
        Assert.Equal(["Day 1", "", "Day 2"], Monospace.Lines("Day 1\n\n  Day 2", 40));

    [Fact]
    public void A_non_breaking_space_does_not_break() =>
        Assert.Equal(["see", "0.5\u00A0mm"], Monospace.Lines("see 0.5\u00A0mm", 7));

    [Fact]
    public void A_character_outside_the_basic_plane_is_never_split()
    {
        var text = "𠮷野家𠮷野家"; // 𠮷 is a surrogate pair
        var lines = Monospace.Lines(text, 2);

        Assert.Equal(text, string.Concat(lines));
        Assert.All(lines, l => Assert.False(char.IsLowSurrogate(l[0])));
    }

    [Fact]
    public void Empty_text_has_no_lines() => Assert.Empty(Monospace.Lines("", 10));

    [Fact]
    public void Breaks_are_allowed_after_spaces_but_not_before_them()
    {
        Assert.True(LineBreaker.CanBreakBefore("ab cd", 3));
        Assert.False(LineBreaker.CanBreakBefore("ab cd", 2));
        Assert.False(LineBreaker.CanBreakBefore("abcd", 2));
    }
}
