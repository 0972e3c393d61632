using Needling.Documents.Tests.Support;

namespace Needling.Documents.Tests;

public sealed class BuilderTests
{
    [Fact]
    public void A_table_row_with_the_wrong_number_of_cells_is_refused() =>
        Assert.Throws<ArgumentException>(() => new DocumentBuilder().Table([1, 2], ["Zone", "Depth"], [["cheeks"]]));

    [Fact]
    public void Headings_have_two_levels() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentBuilder().Heading("x", level: 3));

    [Fact]
    public void An_image_must_be_a_png() =>
        Assert.Throws<Needling.Documents.Images.InvalidImageException>(() => new DocumentBuilder().Image([1, 2, 3], widthMm: 60));

    [Fact]
    public void A_table_row_taller_than_a_page_is_refused_with_a_clear_message()
    {
        var tall = string.Join('\n', Enumerable.Range(1, 120).Select(i => $"line {i}"));
        var doc = new DocumentBuilder().Table([1], null, [[tall]]);

        var e = Assert.Throws<InvalidOperationException>(doc.Render);
        Assert.Contains("taller than a page", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_twice_gives_the_same_pages()
    {
        var doc = Samples.ThreeLanguages();

        Assert.Equal(Poppler.Text(doc.Render()), Poppler.Text(doc.Render()));
    }

    [Fact]
    public void Changing_a_list_after_adding_it_does_not_change_the_document()
    {
        var items = new List<string> { "first" };
        var doc = new DocumentBuilder().BulletList(items);
        items[0] = "changed";

        Assert.Contains("first", Poppler.Text(doc.Render()), StringComparison.Ordinal);
    }
}
