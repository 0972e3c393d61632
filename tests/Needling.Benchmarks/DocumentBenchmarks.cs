using BenchmarkDotNet.Attributes;
using Needling.Documents;
using PdfSharp.Pdf.IO;

namespace Needling.Benchmarks;

// A realistic two-page aftercare sheet in English, Japanese and Thai: header and footer ("page n of N"), headings,
// paragraphs with bold runs, a bullet list, a table and a small signature PNG. Built and rendered per operation, warm
// (fonts resolved and XFonts cached by the first render). Goal: at least 20 documents a second (docs/benchmarks.md).
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private const string Zwsp = "\u200B";

    // 120 × 40 RGBA PNG: a drawn line on a transparent background, as a signature pad would give.
    private static readonly byte[] Signature = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAHgAAAAoCAYAAAA16j4lAAAAwklEQVR4nO3V0RXCIAwFUEZwDldz/2+dQG1rSILcew7fvOYBHQMAAAAAAABgX7f74/ltjcWsmjulzDNrNNM93xKldiz8bZ7qYP9QalXhh/bvcPoiVRc6s/BL+3V6Zn4xe+jVB+PyN804aZkyb1DE/mnFHgk4GqssNSrX1GLPBBuNdCz1k9JSz4aZMoGgbB0yHpFa6JUQYZtsVmw71QNVbILsIZc8V8wbfOl/iJhCopY+kih2E27sRjzDG/FfBQAAxtJe6PHYjjXOILgAAAAASUVORK5CYII=");

    private static readonly string Thai = string.Join(Zwsp,
        "หลีกเลี่ยง", "แสงแดด", "โดยตรง", "และ", "การ", "แต่งหน้า", "เป็นเวลา 24 ชั่วโมง", "หลัง", "การ", "รักษา ", "ห้าม", "ขัด", "ผิว",
        "หรือ", "ใช้", "ผลิตภัณฑ์", "ที่", "มี", "กรด", "เป็นเวลา", "หนึ่ง", "สัปดาห์ ", "อาการ", "แดง", "และ", "บวม", "เล็กน้อย", "เป็น",
        "เรื่อง", "ปกติ", "และ", "มัก", "หาย", "ไป", "ภายใน 2-3 วัน");

    [GlobalSetup]
    public void Setup()
    {
        // The scenario must stay a two-page document, or the number means something else.
        using var pdf = PdfReader.Open(new MemoryStream(AftercareSheet()), PdfDocumentOpenMode.Import);
        if (pdf.PageCount != 2)
        {
            throw new InvalidOperationException($"The benchmark document has {pdf.PageCount} pages, not 2.");
        }
    }

    [Benchmark]
    public byte[] AftercareSheet()
    {
        var doc = new DocumentBuilder(new DocumentSettings { Title = "Aftercare: microneedling", Author = "Harbour Skin Clinic", Language = "en" })
            .Header("Harbour Skin Clinic · ハーバー皮膚科 · คลินิกผิวหนังฮาร์เบอร์")
            .Footer("Aftercare sheet v2 · page {page} of {pages}")
            .Heading("Aftercare after microneedling");
        for (int i = 0; i < 3; i++)
        {
            doc.Paragraph("Microneedling creates controlled micro-injuries that stimulate collagen and elastin. Your skin will be "
                    + "red and feel tight for one to three days; this is expected. Follow these instructions for the next seven days.")
                .Paragraph(new Run("Important: ", Bold: true), new Run("call the clinic if redness lasts more than 3 days or you notice pus."))
                .Heading("施術後のケア", level: 2)
                .Paragraph("施術後24時間はメイクを控えてください。赤みや腫れは通常2〜3日で治まります。「日焼け止め（SPF50）」を毎日使用し、"
                    + "1週間はピーリングやレチノールを含む製品の使用をお控えください。")
                .Heading("การดูแลหลังการรักษา", level: 2)
                .Paragraph(Thai)
                .BulletList(["Use SPF 50 sunscreen every day.", "日焼け止め（SPF50）を毎日使用してください。",
                    string.Join(Zwsp, "ใช้", "ครีม", "กันแดด SPF 50 ", "ทุก", "วัน")]);
        }

        return doc.Table([1, 1, 2], ["Zone / 部位 / บริเวณ", "Depth", "Notes"], [
                ["Cheeks / 頬 / แก้ม", "0.5 mm", "Two passes, light pressure"],
                ["Forehead / 額 / หน้าผาก", "0.25 mm", "One pass; avoid the brow line"],
                ["Chin / あご / คาง", "0.5 mm", string.Join(Zwsp, "ผ่าน", "สอง", "รอบ")],
            ])
            .Paragraph("I have read and understood these instructions.")
            .Image(Signature, widthMm: 50)
            .Paragraph("Patient: Aiko Tanaka · 2025-06-16")
            .Render();
    }
}
