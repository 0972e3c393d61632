using Needling.Documents.Fonts;
using PdfSharp.Fonts;

namespace Needling.Documents.Rendering;

/// <summary>
/// PDFsharp's process-wide state, set once before the first document: our font resolver (PDFsharp has one global
/// resolver; on Linux it finds no font without one). PDFsharp 6.2.4 is MIT and needs no licence call (6.5.0, AGPL,
/// threw in <c>new PdfDocument()</c> without one).
/// </summary>
internal static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static volatile bool done;

    public static void EnsureInitialized()
    {
        if (done)
        {
            return;
        }

        lock (Gate)
        {
            if (done)
            {
                return;
            }

            var existing = GlobalFontSettings.FontResolver;
            if (existing is null)
            {
                GlobalFontSettings.FontResolver = NeedlingFontResolver.Instance;
            }
            else if (existing != NeedlingFontResolver.Instance)
            {
                throw new InvalidOperationException(
                    "Another PDFsharp font resolver is already set (GlobalFontSettings.FontResolver); Needling.Documents needs its own.");
            }

            done = true;
        }
    }
}
