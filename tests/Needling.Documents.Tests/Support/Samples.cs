namespace Needling.Documents.Tests.Support;

// Realistic aftercare text in the three languages the clinics use. Thai words are separated by U+200B, as the
// templates must be, so that lines can break between them.
internal static class Samples
{
    public const string Zwsp = "\u200B";

    public const string English = "Microneedling creates controlled micro-injuries that stimulate collagen. Follow these instructions for the next seven days.";

    public const string Japanese = "施術後24時間はメイクを控えてください。赤みや腫れは通常2〜3日で治まります。「日焼け止め（SPF50）」を毎日使用してください。";

    public static readonly string Thai = string.Join(Zwsp,
        "หลีกเลี่ยง", "แสงแดด", "โดยตรง", "และ", "การ", "แต่งหน้า", "เป็นเวลา 24 ชั่วโมง", "หลัง", "การ", "รักษา ", "ห้าม", "ขัด", "ผิว",
        "หรือ", "ใช้", "ผลิตภัณฑ์", "ที่", "มี", "กรด", "เป็นเวลา", "หนึ่ง", "สัปดาห์");

    /// <summary>Thai as pdftotext gives it back: the zero-width spaces are not drawn.</summary>
    public static string ThaiDrawn => Thai.Replace(Zwsp, "", StringComparison.Ordinal);

    public static DocumentBuilder ThreeLanguages(FontSettings? fonts = null)
    {
        var doc = new DocumentBuilder(new DocumentSettings
        {
            Title = "Aftercare: microneedling",
            Author = "Harbour Skin Clinic",
            Language = "en",
            Fonts = fonts,
            CreatedAt = new DateTimeOffset(2025, 6, 16, 10, 0, 0, TimeSpan.Zero),
        });
        doc.Header("Harbour Skin Clinic · ハーバー皮膚科 · คลินิกผิวหนังฮาร์เบอร์")
            .Footer("Aftercare sheet v2 · page {page} of {pages}")
            .Heading("Aftercare after microneedling")
            .Paragraph(English)
            .Paragraph(new Run("Important: ", Bold: true), new Run("call the clinic if redness lasts more than 3 days."))
            .Heading("施術後のケア", level: 2)
            .Paragraph(Japanese)
            .Paragraph(new Run("重要：", Bold: true), new Run("赤みが3日以上続く場合はクリニックにご連絡ください。"))
            .Heading("การดูแลหลังการรักษา", level: 2)
            .Paragraph(Thai)
            .Paragraph(new Run("สำคัญ: ", Bold: true), new Run(string.Join(Zwsp, "โปรด", "ติดต่อ", "คลินิก", "หาก", "อาการ", "แดง", "นาน", "เกิน 3 วัน")))
            .BulletList([
                "Use SPF 50 sunscreen every day.",
                "日焼け止め（SPF50）を毎日使用してください。",
                string.Join(Zwsp, "ใช้", "ครีม", "กันแดด SPF 50 ", "ทุก", "วัน"),
            ])
            .Table([1, 1, 2], ["Zone / 部位 / บริเวณ", "Depth", "Notes"], [
                ["Cheeks / 頬 / แก้ม", "0.5 mm", "Two passes, light pressure"],
                ["Forehead / 額 / หน้าผาก", "0.25 mm", "One pass; avoid the brow line"],
                ["Chin / あご / คาง", "0.5 mm", string.Join(Zwsp, "ผ่าน", "สอง", "รอบ")],
            ])
            .PageBreak()
            .Heading("Signature / 署名 / ลายมือชื่อ", level: 2)
            .Paragraph("I have read and understood these instructions.")
            .Image(TestPng.Signature(), widthMm: 60)
            .Paragraph("Patient: Aiko Tanaka · 2025-06-16");
        return doc;
    }
}
