using System.Text;
using Needling.Documents.Fonts;

namespace Needling.Documents.Text;

/// <summary>
/// Turns styled runs into lines: splits by script, picks a covering face for every character (the script's own,
/// else any other installed face that has it, else a <see cref="MissingFontException"/>), measures, breaks lines and
/// groups each line into pieces of one face and weight. Zero-width spaces are dropped from the drawn text. A character
/// no installed font has is drawn as U+FFFD (<see cref="Replacements"/>); a missing script font still fails.
/// </summary>
internal sealed class TextLayouter(FontCatalog fonts)
{
    public FontCatalog Fonts { get; } = fonts;

    public List<TextLine> Layout(IReadOnlyList<Run> runs, double size, double maxWidth, bool bold = false)
    {
        var (text, bolds) = Normalize(runs, bold);
        var faces = new FontFace?[text.Length];
        var advances = new double[text.Length];
        (double Dx, double Dy)[]? marks = null;
        foreach (var run in ScriptSplitter.Split(text))
        {
            Measure(text, run, size, faces, advances, bolds);
            if (run.Script == TextScript.Thai)
            {
                PlaceThaiMarks(text, run, faces, bolds, ref marks);
            }
        }

        var lines = new List<TextLine>();
        foreach (var range in LineBreaker.Break(text, advances, maxWidth))
        {
            lines.Add(ToLine(text, range, size, faces, advances, bolds, marks));
        }

        return lines;
    }

    // Per stretch of one weight, as bold and regular Thai faces have different shapes.
    private static void PlaceThaiMarks(string text, ScriptRun run, FontFace?[] faces, bool[] bolds, ref (double Dx, double Dy)[]? marks)
    {
        int end = run.Start + run.Length;
        for (int start = run.Start, stop; start < end; start = stop)
        {
            stop = start + 1;
            while (stop < end && bolds[stop] == bolds[start])
            {
                stop++;
            }

            var face = faces[start] ?? faces.Skip(start).Take(stop - start).FirstOrDefault(f => f is not null);
            bool bold = bolds[start];
            if (face is not null && ThaiMarks.Offsets(text, start, stop, c => face.Bounds(c, bold)) is { } offsets)
            {
                marks ??= new (double, double)[text.Length];
                for (int i = start; i < stop; i++)
                {
                    marks[i] = offsets[i];
                }
            }
        }
    }

    private void Measure(string text, ScriptRun run, double size, FontFace?[] faces, double[] advances, bool[] bolds)
    {
        FontFace? primary = null;
        for (int i = run.Start; i < run.Start + run.Length; i++)
        {
            char c = text[i];
            if (c is Scripts.ZeroWidthSpace or '\n' || char.IsLowSurrogate(c))
            {
                continue;
            }

            // Resolved on first use: a run of spaces alone does not demand the script's font.
            primary ??= Fonts.Get(run.Script);
            int cp = Scripts.CodePointAt(text, i);
            var face = primary.Covers(cp) ? primary : Fonts.Fallback(cp) ?? throw Uncovered(cp, run.Script);
            faces[i] = face;
            advances[i] = face.Advance(cp, bolds[i]) * size;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length)
            {
                faces[i + 1] = face;
            }
        }
    }

    private static TextLine ToLine(string text, LineRange range, double size, FontFace?[] faces, double[] advances, bool[] bolds,
        (double Dx, double Dy)[]? marks)
    {
        var pieces = new List<TextPiece>();
        var builder = new StringBuilder();
        FontFace? face = null;
        bool bold = false;
        double x = 0, pieceX = 0;
        for (int i = range.Start; i < range.End; i++)
        {
            if (faces[i] is not { } f)
            {
                continue;
            }

            if (builder.Length > 0 && (f != face || bolds[i] != bold))
            {
                pieces.Add(new TextPiece(builder.ToString(), face!, bold, pieceX));
                builder.Clear();
            }

            // A moved Thai mark: the text keeps it, invisible, where the font puts it, so that copied or extracted text
            // is unchanged (a raised or shifted glyph breaks words apart in pdftotext); what shows is its outline, moved.
            if (marks is not null && marks[i] != default)
            {
                if (builder.Length > 0)
                {
                    pieces.Add(new TextPiece(builder.ToString(), face!, bold, pieceX));
                    builder.Clear();
                }

                var mark = text[i].ToString();
                pieces.Add(new TextPiece(mark, f, bolds[i], x, 0, PieceKind.Hidden));
                pieces.Add(new TextPiece(mark, f, bolds[i], x + marks[i].Dx * size, marks[i].Dy * size, PieceKind.Outline));
                x += advances[i];
                continue;
            }

            if (builder.Length == 0)
            {
                (face, bold, pieceX) = (f, bolds[i], x);
            }

            builder.Append(text[i]);
            x += advances[i];
        }

        if (builder.Length > 0)
        {
            pieces.Add(new TextPiece(builder.ToString(), face!, bold, pieceX));
        }

        return new TextLine(pieces, x, size);
    }

    // CR LF and CR become LF, tabs become spaces, what no font has becomes U+FFFD, right-to-left stretches are put in
    // drawing order; each character remembers its run's weight.
    private (string Text, bool[] Bold) Normalize(IReadOnlyList<Run> runs, bool allBold)
    {
        var builder = new StringBuilder();
        var bolds = new List<bool>();
        foreach (var run in runs)
        {
            var text = RightToLeft.ToVisualOrder(Replacements.Apply(
                run.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' '), Fonts));
            builder.Append(text);
            bolds.AddRange(Enumerable.Repeat(allBold || run.Bold, text.Length));
        }

        return (builder.ToString(), [.. bolds]);
    }

    private static MissingFontException Uncovered(int codePoint, TextScript script) => new(
        $"No installed font covers the character U+{codePoint:X4} ('{char.ConvertFromUtf32(codePoint)}') in {script} text; "
        + "remove it from the template or replace it with a common character.", script);
}
