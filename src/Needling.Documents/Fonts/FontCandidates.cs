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
