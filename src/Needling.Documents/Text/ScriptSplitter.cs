namespace Needling.Documents.Text;

/// <summary>A stretch of text in one script: [Start, Start + Length).</summary>
internal readonly record struct ScriptRun(int Start, int Length, TextScript Script);

/// <summary>
/// Splits text into runs per script. PDFsharp has no font fallback, so each run must be drawn with a font that
/// covers its script. Neutral characters (spaces, ZWSP, combining marks) join the run before them, or the first run
/// if they lead; text with no script at all is one Latin run. Spaces after Japanese text that another script follows
/// join that script's run instead: the Japanese fonts' space is half an em, which leaves a visible gap in "頬 / แก้ม".
/// </summary>
internal static class ScriptSplitter
{
    public static List<ScriptRun> Split(string text)
    {
        var runs = new List<ScriptRun>();
        int runStart = 0;
        TextScript? current = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsLowSurrogate(c) || Scripts.IsNeutral(c))
            {
                continue;
            }

            var script = Scripts.Of(Scripts.CodePointAt(text, i));
            if (current is null)
            {
                current = script;
            }
            else if (script != current)
            {
                int end = i;
                while (current == TextScript.Japanese && end > runStart + 1 && text[end - 1] is ' ' or '\u00A0' or Scripts.ZeroWidthSpace)
                {
                    end--;
                }

                runs.Add(new ScriptRun(runStart, end - runStart, current.Value));
                runStart = end;
                current = script;
            }
        }

        if (text.Length > 0)
        {
            runs.Add(new ScriptRun(runStart, text.Length - runStart, current ?? TextScript.Latin));
        }

        return runs;
    }
}
