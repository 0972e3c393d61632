namespace Needling.Clinic.Domain;

/// <summary>
/// A product's standing with the regulator of one jurisdiction (clinical-defaults.md: UC-MSC, "not approved there ->
/// refused"; seed 003). Jurisdiction: an ISO 3166 country code such as TH, JP or GB. Reference: the regulator's
/// decision, register entry or trial number that the status rests on.
/// </summary>
internal sealed record RegulatoryStatus(string Jurisdiction, string Status, string Reference)
{
    public const string Approved = "approved";
    public const string TrialOnly = "trial-only";
    public const string NotApproved = "not-approved";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Approved, TrialOnly, NotApproved };
}
