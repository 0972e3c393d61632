using Needling.Documents.Text;
using PdfSharp.Drawing;

namespace Needling.Documents.Layout;

/// <summary>
/// Lays out each block at the body width and cuts it into flow items: a paragraph per line (its first line kept with
/// the second and its last with the one before, so no line is left alone), a heading kept with what follows, a table
/// per row (rows never split; the header row repeats on each new page), an image whole (scaled to fit the body).
/// </summary>
internal sealed class FlowComposer(TextLayouter text, Styles styles, double left, double width, double bodyHeight)
{
    public List<FlowItem> Compose(IReadOnlyList<Block> blocks)
    {
        var items = new List<FlowItem>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case PageBreakBlock:
                    items.Add(FlowItem.PageBreak);
                    break;
                case HeadingBlock h:
                    var size = styles.Heading(h.Level);
                    AddLines(items, text.Layout(h.Runs, size, width, bold: true), size, left, styles.HeadingSpacing(h.Level), keepAll: true);
                    break;
                case ParagraphBlock p:
                    AddLines(items, text.Layout(p.Runs, styles.Body, width), styles.Body, left, styles.ParagraphSpacing, keepAll: false);
                    break;
                case BulletListBlock list:
                    AddList(items, list);
                    break;
                case TableBlock table:
                    AddTable(items, table);
                    break;
                case ImageBlock image:
                    items.Add(Image(image) with { SpaceBefore = styles.ParagraphSpacing });
                    break;
            }
        }

        return items;
    }

    private static void AddLines(List<FlowItem> items, List<TextLine> lines, double size, double x, double spaceBefore, bool keepAll,
        DrawOp? firstLineExtra = null)
    {
        double height = Styles.LineHeight(size);
        if (lines.Count == 0)
        {
            items.Add(new FlowItem(height, []) { SpaceBefore = spaceBefore, KeepWithNext = keepAll });
            return;
        }

        for (int i = 0; i < lines.Count; i++)
        {
            var op = new TextOp(x, Styles.Baseline(size), lines[i], Styles.Text);
            items.Add(new FlowItem(height, i == 0 && firstLineExtra is not null ? [firstLineExtra, op] : [op])
            {
                SpaceBefore = i == 0 ? spaceBefore : 0,
                KeepWithNext = keepAll || (lines.Count > 1 && i == 0) || (lines.Count > 2 && i == lines.Count - 2),
            });
        }
    }

    private void AddList(List<FlowItem> items, BulletListBlock list)
    {
        var bullet = text.Layout([new Run("•")], styles.Body, width)[0];
        for (int i = 0; i < list.Items.Count; i++)
        {
            var lines = text.Layout(list.Items[i], styles.Body, width - styles.ListIndent);
            var mark = new TextOp(left + styles.ListIndent * 0.35, Styles.Baseline(styles.Body), bullet, Styles.Text);
            AddLines(items, lines, styles.Body, left + styles.ListIndent, i == 0 ? styles.ParagraphSpacing : styles.ListItemSpacing,
                keepAll: false, firstLineExtra: mark);
        }
    }

    private void AddTable(List<FlowItem> items, TableBlock table)
    {
        double total = table.Widths.Sum();
        var columns = table.Widths.Select(w => width * w / total).ToArray();
        FlowItem? header = table.Header is null ? null : Row(table.Header, columns, isHeader: true) with
        {
            SpaceBefore = styles.ParagraphSpacing,
            KeepWithNext = table.Rows.Count > 0,
        };
        if (header is not null)
        {
            items.Add(header);
        }

        for (int r = 0; r < table.Rows.Count; r++)
        {
            var row = Row(table.Rows[r], columns, isHeader: false);
            if (row.Height + (header?.Height ?? 0) > bodyHeight)
            {
                throw new InvalidOperationException(
                    $"Table row {r + 1} is taller than a page and table rows do not split; shorten its cells or use paragraphs.");
            }

            items.Add(row with { SpaceBefore = header is null && r == 0 ? styles.ParagraphSpacing : 0, RepeatOnNewPage = header, KeepWithNext = table.KeepWithNext });
        }
    }

    private FlowItem Row(IReadOnlyList<string> cells, double[] columns, bool isHeader)
    {
        double size = styles.Table, lineHeight = Styles.LineHeight(size);
        var laidOut = cells.Select((cell, c) => text.Layout([new Run(cell)], size, columns[c] - 2 * styles.CellPaddingX, isHeader)).ToArray();
        double height = Math.Max(1, laidOut.Max(l => l.Count)) * lineHeight + 2 * styles.CellPaddingY;
        var ops = new List<DrawOp>();
        double x = left;
        for (int c = 0; c < columns.Length; c++)
        {
            ops.Add(new RectOp(new XRect(x, 0, columns[c], height), isHeader ? Styles.HeaderFill : null, Styles.Border));
            for (int l = 0; l < laidOut[c].Count; l++)
            {
                double baseline = styles.CellPaddingY + l * lineHeight + Styles.Baseline(size);
                ops.Add(new TextOp(x + styles.CellPaddingX, baseline, laidOut[c][l], Styles.Text));
            }

            x += columns[c];
        }

        return new FlowItem(height, ops);
    }

    private FlowItem Image(ImageBlock image)
    {
        double w = Math.Min(image.WidthMm * Styles.PointsPerMm, width);
        double h = w * image.PixelHeight / image.PixelWidth;
        if (h > bodyHeight)
        {
            (w, h) = (w * bodyHeight / h, bodyHeight);
        }

        return new FlowItem(h, [new ImageOp(image, new XRect(left, 0, w, h))]);
    }
}
