namespace Needling.Documents.Layout;

/// <summary>
/// Places flow items on pages between the body's top and bottom. An item (with any items kept with it) that does not
/// fit starts a new page; space before an item is dropped at the top of a page; a page break on an empty page is
/// ignored, so no blank pages appear.
/// </summary>
internal sealed class Paginator
{
    private const double Tolerance = 1e-6;
    private readonly List<List<DrawOp>> pages = [[]];
    private readonly double top, bottom;
    private double y;
    private bool empty = true;

    public Paginator(double top, double bottom)
    {
        this.top = top;
        this.bottom = bottom;
        y = top;
    }

    public List<List<DrawOp>> Paginate(IReadOnlyList<FlowItem> items)
    {
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.IsPageBreak)
            {
                if (!empty)
                {
                    NewPage();
                }

                continue;
            }

            if (!empty && y + item.SpaceBefore + ChainHeight(items, i) > bottom + Tolerance)
            {
                NewPage();
                if (item.RepeatOnNewPage is { } header)
                {
                    Place(header);
                }
            }

            if (!empty)
            {
                y += item.SpaceBefore;
            }

            Place(item);
        }

        return pages;
    }

    // The item and those it keeps with; a chain taller than a page cannot stay together, so then the item alone.
    private double ChainHeight(IReadOnlyList<FlowItem> items, int i)
    {
        double height = items[i].Height;
        for (int j = i; items[j].KeepWithNext && j + 1 < items.Count && !items[j + 1].IsPageBreak; j++)
        {
            height += items[j + 1].SpaceBefore + items[j + 1].Height;
        }

        return height <= bottom - top ? height : items[i].Height;
    }

    private void Place(FlowItem item)
    {
        foreach (var op in item.Ops)
        {
            pages[^1].Add(op.MoveDown(y));
        }

        y += item.Height;
        empty = false;
    }

    private void NewPage()
    {
        pages.Add([]);
        y = top;
        empty = true;
    }
}
