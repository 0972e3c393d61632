using System.Globalization;
using System.Text;

namespace Needling.Documents.Text;

/// <summary>
/// PDFsharp draws every string left to right and shapes nothing. So that an Arabic or Hebrew name at least reads in
/// the right direction, each stretch of right-to-left letters (with the spaces and marks between them) is reversed
/// into drawing order, cluster by cluster so that marks stay on their letters. What this does not do, honestly:
/// Arabic letters are drawn in their isolated forms, not joined (no shaping), a right-to-left stretch that wraps
/// onto two lines wraps in the wrong place, and digits inside such a stretch are reversed too. Names, which are
/// short, read; running Arabic or Hebrew paragraphs need a shaping engine that PDFsharp does not have.
/// </summary>
internal static class RightToLeft
{
    public static bool IsRightToLeft(int cp) =>
        cp is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF;

    public static string ToVisualOrder(string text)
    {
        if (!text.Any(c => IsRightToLeft(c)))
        {
            return text;
        }
        var clusters = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            clusters.Add(e.GetTextElement());
        }
        var result = new StringBuilder(text.Length);
        for (int i = 0; i < clusters.Count;)
        {
            if (!IsRightToLeft(clusters[i][0]))
            {
                result.Append(clusters[i++]);
                continue;
            }
            // The stretch runs to the last right-to-left cluster before anything that is not a space or a mark.
            int end = i, j = i;
            for (; j < clusters.Count && (IsRightToLeft(clusters[j][0]) || clusters[j] is " " or "\u00A0"); j++)
            {
                if (IsRightToLeft(clusters[j][0]))
                {
                    end = j;
                }
            }
            for (int k = end; k >= i; k--)
            {
                result.Append(clusters[k]);
            }
            i = end + 1;
        }
        return result.ToString();
    }
}
