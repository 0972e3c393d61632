namespace Needling.Documents.Layout;

/// <summary>
/// An unbreakable piece of the flow: one line of a paragraph, one table row, an image. Pages break only between
/// items. <see cref="KeepWithNext"/> ties an item to the next (a heading to the text under it, the first line of a
/// paragraph to its second). <see cref="RepeatOnNewPage"/> is a table's header row, drawn again above a row that
/// starts a page.
/// </summary>
internal sealed record FlowItem(double Height, IReadOnlyList<DrawOp> Ops)
{
    public static FlowItem PageBreak { get; } = new(0, []) { IsPageBreak = true };

    public double SpaceBefore { get; init; }

    public bool KeepWithNext { get; init; }

    public bool IsPageBreak { get; init; }

    public FlowItem? RepeatOnNewPage { get; init; }
}
