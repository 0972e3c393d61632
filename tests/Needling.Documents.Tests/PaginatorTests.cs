using Needling.Documents.Layout;
using Needling.Documents.Text;
using PdfSharp.Drawing;

namespace Needling.Documents.Tests;

// Pages here are 100 units tall (top 0, bottom 100); each item draws one box so its page and position can be read back.
public sealed class PaginatorTests
{
    private static FlowItem Item(double height, string name) => new(height, [new RectOp(new XRect(0, 0, 10, height), null, null)]);

    private static List<List<DrawOp>> Paginate(params FlowItem[] items) => new Paginator(0, 100).Paginate(items);

    private static double[] Tops(List<DrawOp> page) => page.Select(op => ((RectOp)op).Rect.Y).ToArray();

    [Fact]
    public void Items_flow_onto_a_new_page_when_the_page_is_full()
    {
        var pages = Paginate(Item(40, "a"), Item(40, "b"), Item(40, "c"));

        Assert.Equal(2, pages.Count);
        Assert.Equal([0, 40], Tops(pages[0]));
        Assert.Equal([0], Tops(pages[1]));
    }

    [Fact]
    public void A_heading_is_not_left_alone_at_the_bottom_of_a_page()
    {
        var heading = Item(10, "heading") with { KeepWithNext = true };
        var pages = Paginate(Item(85, "text"), heading, Item(10, "first line"));

        Assert.Single(pages[0]);
        Assert.Equal([0, 10], Tops(pages[1]));
    }

    [Fact]
    public void A_table_row_that_does_not_fit_moves_whole_to_the_next_page_under_a_repeated_header()
    {
        var header = Item(10, "header") with { KeepWithNext = true };
        var pages = Paginate(Item(50, "text"), header, Item(20, "row 1") with { RepeatOnNewPage = header }, Item(30, "row 2") with { RepeatOnNewPage = header });

        Assert.Equal([0, 50, 60], Tops(pages[0]));
        Assert.Equal([0, 10], Tops(pages[1]));
        Assert.Equal(10, ((RectOp)pages[1][0]).Rect.Height);
        Assert.Equal(30, ((RectOp)pages[1][1]).Rect.Height);
    }

    [Fact]
    public void Space_before_an_item_is_dropped_at_the_top_of_a_page()
    {
        var pages = Paginate(Item(90, "a"), Item(20, "b") with { SpaceBefore = 5 }, Item(10, "c") with { SpaceBefore = 5 });

        Assert.Equal([0, 25], Tops(pages[1]));
    }

    [Fact]
    public void An_explicit_page_break_starts_a_new_page_but_never_a_blank_one()
    {
        var pages = Paginate(FlowItem.PageBreak, Item(10, "a"), FlowItem.PageBreak, FlowItem.PageBreak, Item(10, "b"));

        Assert.Equal(2, pages.Count);
    }

    [Fact]
    public void A_chain_of_kept_items_taller_than_a_page_still_breaks()
    {
        var kept = Enumerable.Range(0, 12).Select(i => Item(10, $"line {i}") with { KeepWithNext = true }).ToArray();
        var pages = Paginate([Item(5, "a"), .. kept]);

        Assert.Equal(13, pages.Sum(p => p.Count));
        Assert.All(pages, p => Assert.True(p.Count * 10 <= 100));
    }

    [Fact]
    public void Text_ops_move_with_their_item() =>
        Assert.Equal(112, ((TextOp)new TextOp(0, 12, new TextLine([], 0, 10), XColors.Black).MoveDown(100)).Baseline);
}
