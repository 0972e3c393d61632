namespace Needling.Documents;

/// <summary>
/// A document needs a font that is not installed (or a character no installed font covers). Thrown instead of
/// drawing boxes or dropping text; the message names the script and the Debian package to install.
/// </summary>
public sealed class MissingFontException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MissingFontException(string message, TextScript? script = null, string? debianPackage = null) : base(message)
    {
        Script = script;
        DebianPackage = debianPackage;
    }

    /// <summary>The script that needs the font, if known.</summary>
    public TextScript? Script { get; }

    /// <summary>The Debian package that provides a suitable font, if there is one.</summary>
    public string? DebianPackage { get; }
}
