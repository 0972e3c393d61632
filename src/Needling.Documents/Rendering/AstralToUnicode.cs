using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Needling.Documents.Rendering;

/// <summary>
/// Repairs PDFsharp's text maps for characters beyond U+FFFF (an emoji in a patient's name). PDFsharp 6.2.4 writes
/// such a character's entry in a font's ToUnicode map as its bare code point (<c>&lt;1F600&gt;</c>) where the PDF
/// format wants UTF-16 (<c>&lt;D83DDE00&gt;</c>, PDF 32000-1 9.10.3), so the glyph is drawn but copies and searches as
/// another character (U+1F60). Only documents that drew such a character are read back and saved again.
/// </summary>
internal static partial class AstralToUnicode
{
    public static byte[] Repair(byte[] pdf)
    {
        using var input = new MemoryStream(pdf);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var repaired = false;
        foreach (var item in document.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary { Stream: { } stream } map)
            {
                continue;
            }
            var text = Encoding.ASCII.GetString(stream.UnfilteredValue);
            if (!text.Contains("beginbfrange", StringComparison.Ordinal))
            {
                continue;
            }
            var fixedText = Entry().Replace(text, m => $"<{m.Groups[1].Value}><{m.Groups[2].Value}><{Utf16(m.Groups[3].Value)}>");
            if (fixedText != text)
            {
                map.Elements.Remove("/Filter");
                map.Elements.Remove("/DecodeParms");
                stream.Value = Encoding.ASCII.GetBytes(fixedText);
                repaired = true;
            }
        }
        if (!repaired)
        {
            return pdf;
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static string Utf16(string codePointHex)
    {
        var utf16 = char.ConvertFromUtf32(int.Parse(codePointHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        return string.Concat(utf16.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)));
    }

    // glyph range start, end, and a destination of five or six hex digits: a code point above U+FFFF.
    [GeneratedRegex("<([0-9A-F]{4})><([0-9A-F]{4})><(1[0-9A-F]{4}|10[0-9A-F]{4}|[2-9A-F][0-9A-F]{4})>", RegexOptions.CultureInvariant)]
    private static partial Regex Entry();
}
