namespace Needling.Documents.Text;

/// <summary>One line: the characters [Start, End) to draw. Spaces and ZWSPs where the line broke lie outside it.</summary>
internal readonly record struct LineRange(int Start, int End)
{
    public int Length => End - Start;
}
