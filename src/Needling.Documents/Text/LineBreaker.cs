namespace Needling.Documents.Text;

/// <summary>
/// Greedy line breaking over measured characters; a pure function so its rules can be tested without fonts.
/// Breaks may happen after spaces and zero-width spaces (U+200B; Thai has no spaces between words), and between two
/// characters when either is Japanese, except before a <see cref="Kinsoku.CannotStart"/> character or after a
/// <see cref="Kinsoku.CannotEnd"/> one. <c>\n</c> forces a break. A word wider than the line is broken between
/// characters (never inside a surrogate pair, before a combining mark, or after a Thai leading vowel).
/// Spaces at the start of the text or after <c>\n</c> are dropped.
/// </summary>
internal static class LineBreaker
{
    // Widths equal to the line width must fit despite rounding in the sums.
    private const double Tolerance = 1e-6;

    /// <param name="text">The text, tabs and carriage returns already normalised.</param>
    /// <param name="advances">The advance width of each UTF-16 unit (0 for low surrogates, ZWSP and line feeds).</param>
    /// <param name="maxWidth">The line width, in the units of <paramref name="advances"/>.</param>
    public static List<LineRange> Break(string text, ReadOnlySpan<double> advances, double maxWidth)
    {
        if (advances.Length != text.Length)
        {
            throw new ArgumentException("One advance per UTF-16 unit is needed.", nameof(advances));
        }

        var lines = new List<LineRange>();
        int lineStart = -1, lineEnd = 0;
        double lineWidth = 0;
        int pos = SkipSpaces(text, 0);
        while (pos < text.Length)
        {
            if (text[pos] == '\n')
            {
                lines.Add(lineStart < 0 ? new LineRange(pos, pos) : new LineRange(lineStart, lineEnd));
                lineStart = -1;
                lineWidth = 0;
                pos = SkipSpaces(text, pos + 1);
                continue;
            }

            int segmentEnd = NextBreak(text, pos);
            int contentEnd = segmentEnd;
            while (contentEnd > pos && Scripts.IsBreakSpace(text[contentEnd - 1]))
            {
                contentEnd--;
            }

            double contentWidth = Sum(advances, pos, contentEnd);
            double spaceWidth = Sum(advances, contentEnd, segmentEnd);
            if (lineStart >= 0 && lineWidth + contentWidth > maxWidth + Tolerance)
            {
                lines.Add(new LineRange(lineStart, lineEnd));
                lineStart = -1;
                lineWidth = 0;
            }

            if (lineStart < 0 && contentWidth > maxWidth + Tolerance)
            {
                // A word longer than the line: emergency breaks between characters; the last piece stays open.
                int start = pos;
                int fit;
                while ((fit = FitCharacters(text, advances, start, contentEnd, maxWidth)) < contentEnd)
                {
                    lines.Add(new LineRange(start, fit));
                    start = fit;
                }

                lineStart = start;
                lineWidth = Sum(advances, start, contentEnd) + spaceWidth;
            }
            else
            {
                if (lineStart < 0)
                {
                    lineStart = pos;
                }

                lineWidth += contentWidth + spaceWidth;
            }

            lineEnd = contentEnd;
            pos = segmentEnd;
        }

        if (lineStart >= 0)
        {
            lines.Add(new LineRange(lineStart, lineEnd));
        }

        return lines;
    }

    /// <summary>Whether a line may start at <paramref name="index"/> (a break between index - 1 and index).</summary>
    public static bool CanBreakBefore(string text, int index)
    {
        char c = text[index];
        if (Scripts.IsBreakSpace(c) || c == '\n' || char.IsLowSurrogate(c) || Scripts.IsMark(c))
        {
            return false;
        }

        int current = Scripts.CodePointAt(text, index);
        if (Kinsoku.CannotStartLine(current))
        {
            return false;
        }

        int end = index;
        while (end > 0 && Scripts.IsBreakSpace(text[end - 1]))
        {
            end--;
        }

        if (end == 0 || text[end - 1] == '\n')
        {
            return false;
        }

        int previous = Scripts.CodePointBefore(text, end);
        if (Kinsoku.CannotEndLine(previous))
        {
            return false;
        }

        return end < index || Scripts.IsJapanese(previous) || Scripts.IsJapanese(current);
    }

    private static int NextBreak(string text, int pos)
    {
        for (int j = pos + 1; j < text.Length; j++)
        {
            if (text[j] == '\n' || CanBreakBefore(text, j))
            {
                return j;
            }
        }

        return text.Length;
    }

    /// <summary>The end of the longest run of whole characters from start that fits (at least one character).</summary>
    private static int FitCharacters(string text, ReadOnlySpan<double> advances, int start, int end, double maxWidth)
    {
        double width = 0;
        int i = start;
        while (i < end)
        {
            int next = i + 1;
            while (next < end && !IsCharacterBoundary(text, next))
            {
                next++;
            }

            double w = Sum(advances, i, next);
            if (i > start && width + w > maxWidth + Tolerance)
            {
                break;
            }

            width += w;
            i = next;
        }

        return i;
    }

    private static bool IsCharacterBoundary(string text, int index) =>
        !char.IsLowSurrogate(text[index]) && !Scripts.IsMark(text[index])
        && !IsThaiFollowingVowel(text[index]) && !IsThaiLeadingVowel(text[index - 1]);

    // ะ า ำ ๅ and the repetition mark ๆ belong to the consonant before them.
    private static bool IsThaiFollowingVowel(char c) => c is '\u0E30' or '\u0E32' or '\u0E33' or '\u0E45' or '\u0E46';

    // เ แ โ ใ ไ are written before the consonant they follow in speech.
    private static bool IsThaiLeadingVowel(char c) => c is >= '\u0E40' and <= '\u0E44';

    private static int SkipSpaces(string text, int pos)
    {
        while (pos < text.Length && Scripts.IsBreakSpace(text[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static double Sum(ReadOnlySpan<double> advances, int start, int end)
    {
        double sum = 0;
        for (int i = start; i < end; i++)
        {
            sum += advances[i];
        }

        return sum;
    }
}
