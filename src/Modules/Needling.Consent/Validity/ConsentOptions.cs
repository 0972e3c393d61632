namespace Needling.Consent.Validity;

/// <summary>The "Consent" configuration section.</summary>
internal sealed class ConsentOptions
{
    /// <summary>
    /// How long a signed consent stays valid. Twelve months is the default the clinic asked for
    /// (issue 4; clinic policy, P): long enough for a course of sessions, short enough to re-read yearly.
    /// </summary>
    public int ValidityMonths { get; set; } = 12;

    /// <summary>How long a patient's signing link works.</summary>
    public int LinkLifetimeHours { get; set; } = 72;
}
