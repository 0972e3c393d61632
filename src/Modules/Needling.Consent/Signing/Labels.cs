namespace Needling.Consent.Signing;

/// <summary>The fixed words around a consent form, per language. Thai words are separated by U+200B so lines can break.</summary>
internal sealed record Labels(
    string Patient, string DateOfBirth, string Treatment, string FormVersion, string SignedBy, string SignedOn, string Signature,
    string Channel, string Tablet, string Link, string Footer, string Acknowledge)
{
    public static Labels For(string language) => language switch
    {
        "ja" => new("患者", "生年月日", "施術", "同意書の版", "署名者（氏名）", "署名日時", "署名", "署名の方法",
            "院内タブレット", "患者様用リンク", "{pages}ページ中{page}ページ", "以下の内容を確認しました："),
        "th" => new("ผู้\u200Bป่วย", "วัน\u200Bเกิด", "การ\u200Bรักษา", "ฉบับ\u200Bแบบ\u200Bฟอร์ม", "ลง\u200Bชื่อ\u200Bโดย", "วัน\u200Bเวลา\u200Bที่\u200Bลง\u200Bนาม",
            "ลาย\u200Bมือ\u200Bชื่อ", "วิธี\u200Bการ\u200Bลง\u200Bนาม", "แท็บเล็ต\u200Bของ\u200Bคลินิก", "ลิงก์\u200Bสำหรับ\u200Bผู้\u200Bป่วย",
            "หน้า {page} จาก {pages}", "ข้าพเจ้า\u200Bยืนยัน\u200Bว่า:"),
        _ => new("Patient", "Date of birth", "Treatment", "Form version", "Signed by", "Signed on", "Signature", "Signed via",
            "clinic tablet", "patient link", "page {page} of {pages}", "I confirm that:"),
    };
}
