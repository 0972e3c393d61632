namespace Needling.Documents.Fonts;

/// <summary>A font file pair to look for: the regular face and, where the family has one, a real bold face.</summary>
internal sealed record FontCandidate(string RegularFile, string? BoldFile);

/// <summary>
/// The fonts each script is drawn with, best first, with the Debian package that installs them. All are TrueType
/// (.ttf): PDFsharp embeds TrueType outlines; CFF-based .otf/.ttc files such as Noto CJK are not used.
/// Garuda and the other fonts-thai-tlwg faces are left out on purpose: their tone marks go missing without shaping.
/// </summary>
internal static class FontCandidates
{
    private static readonly FontCandidate[] Latin = [new("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")];

    // BIZ UDGothic first because it has a real bold; IPAGothic (what CI installs) is the fallback.
    private static readonly FontCandidate[] Japanese =
        [new("BIZUDGothic-Regular.ttf", "BIZUDGothic-Bold.ttf"), new("ipag.ttf", null), new("fonts-japanese-gothic.ttf", null)];

    private static readonly FontCandidate[] Thai = [new("NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf")];

    /// <summary>
    /// Faces for scripts that no template is written in but a patient's name may be, tried in this order for any
    /// character the script's own font lacks; those not installed are skipped, and a character none covers is drawn as
    /// U+FFFD. Hangul comes from NanumGothic (fonts-nanum): the Noto CJK faces in fonts-noto-cjk are CFF collections
    /// (.ttc), which PDFsharp cannot embed. No colour emoji font can be embedded either: emoji come from Noto Sans Symbols 2 where it has them, else U+FFFD.
    /// </summary>
    public static readonly FontCandidate[] Fallbacks =
    [
        new("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
        new("NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"),
        new("NotoSansTamil-Regular.ttf", "NotoSansTamil-Bold.ttf"),
        new("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
        new("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
        new("NanumGothic.ttf", "NanumGothicBold.ttf"),
        new("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
        new("NotoSansSymbols2-Regular.ttf", null),
        new("NotoSansSymbols-Regular.ttf", "NotoSansSymbols-Bold.ttf"),
    ];

    public static IReadOnlyList<FontCandidate> For(TextScript script) => script switch
    {
        TextScript.Japanese => Japanese,
        TextScript.Thai => Thai,
        _ => Latin,
    };

    public static string DebianPackage(TextScript script) => script switch
    {
        TextScript.Japanese => "fonts-ipafont-gothic",
        TextScript.Thai => "fonts-noto-core",
        _ => "fonts-dejavu-core",
    };

    public static string AlternativePackage(TextScript script) => script switch
    {
        TextScript.Japanese => " (or fonts-morisawa-bizud-gothic, which has a real bold)",
        _ => "",
    };
}
