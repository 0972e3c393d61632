using Needling.Documents.Fonts;
using PdfSharp;
using PdfSharp.Fonts;

namespace Needling.Documents.Rendering;

/// <summary>
/// PDFsharp's process-wide state, set once before the first document: the AGPL licence call (without it
/// <c>new PdfDocument()</c> throws) and our font resolver (PDFsharp has one global resolver; on Linux it finds no font
/// without one).
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

            PdfSharpLicense.SetAgplLicense();
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
