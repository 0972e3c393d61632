using Needling.Documents.Fonts;

namespace Needling.Documents.Text;

/// <summary>How a piece is drawn.</summary>
internal enum PieceKind
{
    /// <summary>As text.</summary>
    Text,

    /// <summary>As text in a fully transparent colour: a moved Thai mark in its logical place, for text extraction.</summary>
    Hidden,

    /// <summary>As a filled glyph outline, not text: the visible copy of a moved Thai mark.</summary>
    Outline,
}

/// <summary>
/// Text in one face and weight, starting <paramref name="X"/> points from the line's start and <paramref name="Rise"/>
/// points above the baseline (non-zero only for a Thai mark moved by <see cref="ThaiMarks"/>).
/// </summary>
internal sealed record TextPiece(string Text, FontFace Face, bool Bold, double X, double Rise = 0, PieceKind Kind = PieceKind.Text);

/// <summary>One laid-out line: its pieces share one baseline and one size.</summary>
internal sealed record TextLine(IReadOnlyList<TextPiece> Pieces, double Width, double Size)
{
    public string PlainText => string.Concat(Pieces.Select(p => p.Text));
}
