namespace Needling.Documents;

/// <summary>
/// Folders searched (recursively, in order; the first match wins) for the fonts the document layer uses:
/// Latin <c>DejaVuSans.ttf</c> (Debian fonts-dejavu-core), Japanese <c>BIZUDGothic-Regular.ttf</c>
/// (fonts-morisawa-bizud-gothic, has a real bold) or else <c>ipag.ttf</c> (fonts-ipafont-gothic, bold is simulated),
/// Thai <c>NotoSansThai-Regular.ttf</c> (fonts-noto-core). Files are found by these names, so the same files
/// copied into an application folder work too.
/// </summary>
public sealed record FontSettings
{
    /// <summary>The system's font folders on Debian (and the current user's).</summary>
    public static FontSettings SystemDefault { get; } = new();

    /// <summary>Folders to search; missing folders are skipped.</summary>
    public IReadOnlyList<string> Folders { get; init; } = DefaultFolders();

    private static string[] DefaultFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return OperatingSystem.IsWindows()
            ? [Environment.GetFolderPath(Environment.SpecialFolder.Fonts)]
            : ["/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(home, ".local/share/fonts"), Path.Combine(home, ".fonts")];
    }
}
