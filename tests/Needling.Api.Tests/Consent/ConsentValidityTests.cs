using Needling.Consent.Validity;

namespace Needling.Api.Tests.Consent;

/// <summary>The validity rule on its own: withdrawn, superseded, expired by age, or valid.</summary>
public sealed class ConsentValidityTests
{
    private static readonly DateTime Signed = new(2026, 1, 15, 10, 0, 0, DateTimeKind.Utc);

    private static ConsentValidity.Signed Consent(int version = 1, DateTime? withdrawn = null) =>
        new(Guid.NewGuid(), version, Signed.AddMonths(12), withdrawn);

    [Fact]
    public void A_consent_is_valid_until_the_moment_twelve_months_after_signing()
    {
        Assert.Equal(ConsentValidity.Valid, ConsentValidity.StateOf(Consent(), [], Signed.AddMonths(12).AddSeconds(-1)));
        Assert.Equal(ConsentValidity.Expired, ConsentValidity.StateOf(Consent(), [], Signed.AddMonths(12)));
    }

    [Fact]
    public void No_consent_is_missing() => Assert.Equal(ConsentValidity.Missing, ConsentValidity.StateOf(null, [], Signed));

    [Fact]
    public void A_withdrawal_counts_from_its_moment_on()
    {
        var c = Consent(withdrawn: Signed.AddDays(3));
        Assert.Equal(ConsentValidity.Valid, ConsentValidity.StateOf(c, [], Signed.AddDays(2)));
        Assert.Equal(ConsentValidity.Withdrawn, ConsentValidity.StateOf(c, [], Signed.AddDays(3)));
    }

    [Fact]
    public void Only_a_later_version_that_requires_reconsent_supersedes()
    {
        Assert.Equal(ConsentValidity.Valid, ConsentValidity.StateOf(Consent(version: 2), [2], Signed.AddDays(1)));
        Assert.Equal(ConsentValidity.Superseded, ConsentValidity.StateOf(Consent(version: 2), [3], Signed.AddDays(1)));
    }
}
