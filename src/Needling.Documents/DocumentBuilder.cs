using Needling.Documents.Layout;
using Needling.Documents.Rendering;

namespace Needling.Documents;

/// <summary>
/// Builds a PDF (consent form, aftercare sheet) from headings, paragraphs, lists, tables and images, in English,
/// Japanese and Thai. Content flows onto new pages by itself; every page gets the header and footer.
/// <para>
/// Lines break at spaces, at zero-width spaces (U+200B) and between Japanese characters (with kinsoku: no line starts
/// with 。、」）！？ー or small kana, none ends with 「（). Thai has no spaces between words, so Thai templates must put
/// U+200B between words (it is not drawn); a Thai sentence without any is broken only where it overflows.
/// </para>
/// <para>Not thread-safe: build and render one document per thread. Rendering many documents in parallel is fine.</para>
/// </summary>
public sealed class DocumentBuilder
{
    private readonly List<Block> blocks = [];
    private string? header;
    private string? footer;

    /// <summary>Starts a document with the given settings (A4, 18 mm margins, 10 pt, English if not set).</summary>
    public DocumentBuilder(DocumentSettings? settings = null)
    {
        Settings = settings ?? new DocumentSettings();
        if (Settings.MarginsMm < 0 || Settings.FontSizePt is < 4 or > 72 || Settings.PageSize.WidthMm <= 0 || Settings.PageSize.HeightMm <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), "Margins must not be negative, the font size must be 4 to 72 pt and the page not empty.");
        }
    }

    /// <summary>The settings this document was started with.</summary>
    public DocumentSettings Settings { get; }

    /// <summary>Text at the top of every page, e.g. the clinic's name. A later call replaces an earlier one.</summary>
    public DocumentBuilder Header(string text)
    {
        header = Checked(text);
        return this;
    }

    /// <summary>Text at the bottom of every page; <c>{page}</c> and <c>{pages}</c> become "n" and "N".</summary>
    public DocumentBuilder Footer(string template)
    {
        footer = Checked(template);
        return this;
    }

    /// <summary>A bold heading, level 1 (larger) or 2. It is never left alone at the bottom of a page.</summary>
    public DocumentBuilder Heading(string text, int level = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 2);
        blocks.Add(new HeadingBlock([new Run(Checked(text))], level));
        return this;
    }

    /// <summary>A paragraph of plain text; <c>\n</c> starts a new line within it.</summary>
    public DocumentBuilder Paragraph(string text) => Paragraph(new Run(Checked(text)));

    /// <summary>A paragraph of runs that differ in weight.</summary>
    public DocumentBuilder Paragraph(params Run[] runs)
    {
        blocks.Add(new ParagraphBlock(CheckedRuns(runs)));
        return this;
    }

    /// <summary>A bulleted list, one item per string.</summary>
    public DocumentBuilder BulletList(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        blocks.Add(new BulletListBlock([.. items.Select(i => (IReadOnlyList<Run>)[new Run(Checked(i))])]));
        return this;
    }

    /// <summary>
    /// A table with ruled cells. Columns share the body width in proportion to <paramref name="columnWidthsRelative"/>;
    /// the header row (optional) is bold, shaded and repeated on each page the table continues on. Rows do not split
    /// across pages, so a row may not be taller than a page. With <paramref name="keepWithNext"/> the rows stay on one
    /// page together and with the block after them (a signer's details and their drawn signature).
    /// </summary>
    public DocumentBuilder Table(IReadOnlyList<double> columnWidthsRelative, IReadOnlyList<string>? header, IReadOnlyList<IReadOnlyList<string>> rows, bool keepWithNext = false)
    {
        ArgumentNullException.ThrowIfNull(columnWidthsRelative);
        ArgumentNullException.ThrowIfNull(rows);
        if (columnWidthsRelative.Count == 0 || columnWidthsRelative.Any(w => !(w > 0) || double.IsInfinity(w)))
        {
            throw new ArgumentException("Give each column a positive relative width.", nameof(columnWidthsRelative));
        }

        int columns = columnWidthsRelative.Count;
        if (header is not null && header.Count != columns)
        {
            throw new ArgumentException($"The header has {header.Count} cells for {columns} columns.", nameof(header));
        }

        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is null || rows[r].Count != columns)
            {
                throw new ArgumentException($"Row {r + 1} has {rows[r]?.Count ?? 0} cells for {columns} columns.", nameof(rows));
            }
        }

        blocks.Add(new TableBlock([.. columnWidthsRelative], header is null ? null : [.. header.Select(Checked)],
            [.. rows.Select(r => (IReadOnlyList<string>)[.. r.Select(Checked)])], keepWithNext));
        return this;
    }

    /// <summary>
    /// A PNG image (transparency kept, e.g. a drawn signature) <paramref name="widthMm"/> wide, height to scale. Any valid
    /// PNG is taken (16-bit, interlaced, palette, grey): it is read and checked here and embedded as 8-bit RGBA; an
    /// invalid one throws <see cref="Images.InvalidImageException"/> now rather than at rendering.
    /// </summary>
    public DocumentBuilder Image(byte[] png, double widthMm)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (!(widthMm > 0) || double.IsInfinity(widthMm))
        {
            throw new ArgumentOutOfRangeException(nameof(widthMm), "The width must be positive.");
        }

        var image = Images.PngImage.Read(png);
        blocks.Add(new ImageBlock(image.ToPng(), widthMm, image.Width, image.Height));
        return this;
    }

    /// <summary>Starts a new page (ignored where the page is still empty).</summary>
    public DocumentBuilder PageBreak()
    {
        blocks.Add(new PageBreakBlock());
        return this;
    }

    /// <summary>
    /// Lays out and renders the PDF, every font embedded. Throws <see cref="MissingFontException"/> if a script in the
    /// document has no installed font (the message names the Debian package).
    /// </summary>
    public byte[] Render() => new DocumentRenderer(Settings).Render(blocks, header, footer);

    private static string Checked(string text) => text ?? throw new ArgumentNullException(nameof(text));

    private static Run[] CheckedRuns(Run[] runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Any(r => r is null || r.Text is null))
        {
            throw new ArgumentException("Runs and their text must not be null.", nameof(runs));
        }

        return [.. runs];
    }
}
