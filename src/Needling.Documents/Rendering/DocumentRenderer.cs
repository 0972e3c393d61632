using Needling.Documents.Fonts;
using Needling.Documents.Layout;
using Needling.Documents.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Needling.Documents.Rendering;

/// <summary>
/// Lays out the blocks, paginates, then draws every page with PDFsharp. Pagination finishes before drawing starts,
/// which is what lets the footer say "page n of N" with the real total.
/// </summary>
internal sealed class DocumentRenderer
{
    private readonly DocumentSettings settings;
    private readonly Styles styles;
    private readonly TextLayouter text;
    private readonly double pageWidth, pageHeight, margin, bodyWidth;

    public DocumentRenderer(DocumentSettings settings)
    {
        this.settings = settings;
        styles = new Styles(settings.FontSizePt);
        text = new TextLayouter(FontCatalog.For(settings.Fonts ?? DocumentFonts.Current));
        pageWidth = settings.PageSize.WidthMm * Styles.PointsPerMm;
        pageHeight = settings.PageSize.HeightMm * Styles.PointsPerMm;
        margin = settings.MarginsMm * Styles.PointsPerMm;
        bodyWidth = pageWidth - 2 * margin;
    }

    public byte[] Render(IReadOnlyList<Block> blocks, string? header, string? footer)
    {
        using var activity = DocumentTelemetry.Source.StartActivity("document render");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        PdfSharpSetup.EnsureInitialized();
        var headerLines = header is null ? [] : text.Layout([new Run(header)], styles.Small, bodyWidth);
        // The footer's height is reserved with three-digit page numbers; each page lays out its own.
        int footerLines = footer is null ? 0 : text.Layout([new Run(PageNumbers(footer, 999, 999))], styles.Small, bodyWidth).Count;
        double small = Styles.LineHeight(styles.Small);
        double bodyTop = margin + (headerLines.Count > 0 ? headerLines.Count * small + styles.HeaderGap : 0);
        double bodyBottom = pageHeight - margin - (footerLines > 0 ? footerLines * small + styles.HeaderGap : 0);
        if (bodyWidth < 20 * Styles.PointsPerMm || bodyBottom - bodyTop < 5 * Styles.LineHeight(styles.Heading(1)))
        {
            throw new InvalidOperationException("The margins, header and footer leave too little room on the page for the body.");
        }

        var items = new FlowComposer(text, styles, margin, bodyWidth, bodyBottom - bodyTop).Compose(blocks);
        var pages = new Paginator(bodyTop, bodyBottom).Paginate(items);
        var pdf = Draw(pages, headerLines, footer, bodyTop, bodyBottom);
        activity?.SetTag("needling.document.pages", pages.Count);
        DocumentTelemetry.Record(pages.Count, started);
        return pdf;
    }

    private byte[] Draw(List<List<DrawOp>> pages, List<TextLine> header, string? footer, double bodyTop, double bodyBottom)
    {
        using var document = new PdfDocument();
        document.Info.Title = settings.Title;
        document.Info.Author = settings.Author;
        if (settings.Subject is not null)
        {
            document.Info.Subject = settings.Subject;
        }

        document.Info.Creator = "Needling";
        document.Info.CreationDate = (settings.CreatedAt ?? DateTimeOffset.Now).LocalDateTime;
        document.Language = settings.Language;
        using var painter = new PagePainter();
        for (int n = 0; n < pages.Count; n++)
        {
            var page = document.AddPage();
            page.Width = XUnitPt.FromPoint(pageWidth);
            page.Height = XUnitPt.FromPoint(pageHeight);
            using var gfx = XGraphics.FromPdfPage(page);
            double small = Styles.LineHeight(styles.Small);
            if (header.Count > 0)
            {
                painter.Lines(gfx, header, margin, margin, small, Styles.Muted);
                painter.Rule(gfx, margin, bodyTop - styles.HeaderGap / 2, bodyWidth);
            }

            foreach (var op in pages[n])
            {
                painter.Draw(gfx, op);
            }

            if (footer is not null)
            {
                var lines = text.Layout([new Run(PageNumbers(footer, n + 1, pages.Count))], styles.Small, bodyWidth);
                painter.Rule(gfx, margin, bodyBottom + styles.HeaderGap / 2, bodyWidth);
                painter.Lines(gfx, lines, margin, pageHeight - margin - lines.Count * small, small, Styles.Muted);
            }
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return painter.DrewAstral ? AstralToUnicode.Repair(output.ToArray()) : output.ToArray();
    }

    private static string PageNumbers(string template, int page, int pages) =>
        template.Replace("{page}", page.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{pages}", pages.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
