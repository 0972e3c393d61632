using Needling.Documents.Text;

namespace Needling.Documents.Tests.Support;

// Line-breaking tests measure every character as 1 wide (marks, low surrogates, ZWSP and LF as 0), so a line width
// of 10 means "ten characters" and expected lines can be read off the test text.
internal static class Monospace
{
    public static double[] Advances(string text) =>
        text.Select(c => char.IsLowSurrogate(c) || Scripts.IsMark(c) || c is '\u200B' or '\n' ? 0.0 : 1.0).ToArray();

    public static string[] Lines(string text, double width) =>
        LineBreaker.Break(text, Advances(text), width).Select(r => text[r.Start..r.End]).ToArray();
}
