namespace Needling.Consent.Signing;

/// <summary>The words of the patient's signing page, in the patient's language.</summary>
internal sealed record PageText(string Lang, string NameLabel, string SignLabel, string Clear, string Submit, string Thanks, string Download, string Invalid, string NeedSignature, string Failed, string NoTranslation)
{
    public static PageText For(string language) => language switch
    {
        "ja" => new("ja", "氏名（フルネーム）を入力してください", "枠の中に指またはマウスで署名してください", "書き直す", "署名して送信",
            "ありがとうございました。同意書の署名が完了しました。", "控えをダウンロード", "このリンクは期限切れか無効です。クリニックに新しいリンクをお尋ねください。",
            "署名欄に署名してください。", "送信できませんでした。もう一度お試しください。",
            "この同意書には、まだ日本語版がありません。そのため英語の文面を表示しています。わからないところがあれば、署名する前にクリニックにお尋ねください。"),
        "th" => new("th", "พิมพ์\u200Bชื่อ\u200Bและ\u200Bนามสกุล\u200Bของ\u200Bคุณ", "ลง\u200Bลาย\u200Bมือ\u200Bชื่อ\u200Bใน\u200Bกรอบ\u200Bด้วย\u200Bนิ้ว\u200Bหรือ\u200Bเมาส์", "ล้าง", "ลง\u200Bนาม\u200Bและ\u200Bส่ง",
            "ขอบคุณ\u200Bค่ะ ลง\u200Bนาม\u200Bใน\u200Bแบบ\u200Bฟอร์ม\u200Bยินยอม\u200Bเรียบร้อย\u200Bแล้ว", "ดาวน์โหลด\u200Bสำเนา", "ลิงก์\u200Bนี้\u200Bหมด\u200Bอายุ\u200Bหรือ\u200Bใช้\u200Bไม่\u200Bได้ กรุณา\u200Bขอ\u200Bลิงก์\u200Bใหม่\u200Bจาก\u200Bคลินิก",
            "กรุณา\u200Bลง\u200Bลาย\u200Bมือ\u200Bชื่อ\u200Bใน\u200Bกรอบ", "ส่ง\u200Bไม่\u200Bสำเร็จ กรุณา\u200Bลอง\u200Bอีก\u200Bครั้ง",
            "แบบ\u200Bฟอร์ม\u200Bนี้\u200Bยัง\u200Bไม่มี\u200Bฉบับ\u200Bภาษา\u200Bไทย จึง\u200Bแสดง\u200Bเป็น\u200Bภาษา\u200Bอังกฤษ หาก\u200Bมี\u200Bส่วน\u200Bที่\u200Bไม่\u200Bเข้าใจ โปรด\u200Bสอบถาม\u200Bคลินิก\u200Bก่อน\u200Bลง\u200Bนาม"),
        _ => new("en", "Type your full name", "Sign in the box with your finger or mouse", "Clear", "Sign and send",
            "Thank you. Your consent is signed.", "Download your copy", "This link has expired or is not valid. Please ask the clinic for a new one.",
            "Please sign in the box.", "Sending failed. Please try again.",
            "This form is not yet available in your language, so it is shown in English. Please ask the clinic about anything you do not understand before you sign."),
    };
}
