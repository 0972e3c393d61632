namespace Needling.Consent.Validity;

/// <summary>
/// A consent is valid for its treatment until it is withdrawn, until a form version that requires
/// consenting again is published after the one it was signed on, or until it expires by age.
/// Pure: the latest consent, the versions requiring re-consent, and the moment are inputs.
/// </summary>
internal static class ConsentValidity
{
    public const string Valid = "valid";
    public const string Missing = "missing";
    public const string Withdrawn = "withdrawn";
    public const string Superseded = "superseded";
    public const string Expired = "expired";

    /// <summary>What validity depends on, without the stored PDF and signature (read on every booking).</summary>
    internal sealed record Signed(Guid Id, int TemplateVersion, DateTime ExpiresAtUtc, DateTime? WithdrawnAtUtc);

    public static string StateOf(Signed? latest, IEnumerable<int> reconsentVersions, DateTime atUtc)
    {
        if (latest is null)
        {
            return Missing;
        }
        if (latest.WithdrawnAtUtc is { } withdrawn && withdrawn <= atUtc)
        {
            return Withdrawn;
        }
        if (reconsentVersions.Any(v => v > latest.TemplateVersion))
        {
            return Superseded;
        }
        return atUtc >= latest.ExpiresAtUtc ? Expired : Valid;
    }
}
