namespace Needling.Documents;

/// <summary>Page set-up and metadata of one document.</summary>
public sealed record DocumentSettings
{
    /// <summary>PDF title (document properties).</summary>
    public string Title { get; init; } = "";

    /// <summary>PDF author, e.g. the clinic.</summary>
    public string Author { get; init; } = "";

    /// <summary>PDF subject; optional.</summary>
    public string? Subject { get; init; }

    /// <summary>The document's main language as a BCP 47 tag (<c>en</c>, <c>ja</c>, <c>th</c>), written as the PDF's /Lang.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Page size; A4 unless set.</summary>
    public PageSize PageSize { get; init; } = PageSize.A4;

    /// <summary>Margin on all four sides; the header and footer sit inside it, above and below the body.</summary>
    public double MarginsMm { get; init; } = 18;

    /// <summary>Body text size in points; headings, tables, header and footer are scaled from it.</summary>
    public double FontSizePt { get; init; } = 10;

    /// <summary>The PDF's creation date, e.g. the moment a consent was signed; now if not set.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Where to find fonts for this document; <see cref="DocumentFonts.Current"/> if not set.</summary>
    public FontSettings? Fonts { get; init; }
}
