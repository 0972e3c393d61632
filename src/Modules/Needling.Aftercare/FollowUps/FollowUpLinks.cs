using Needling.SharedKernel.Security;

namespace Needling.Aftercare.FollowUps;

/// <summary>A patient's link to answer one check-in: the follow-up id and an expiry (<see cref="LinkTokens"/>).</summary>
internal sealed class FollowUpLinks(TokenSettings settings)
{
    /// <summary>Answers still help a week after the check-in was sent; after that the patient calls.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly LinkTokens _tokens = new(settings, "needling:aftercare-follow-up-link:v1");

    public string Create(Guid followUpId, DateTime expiresAtUtc) => _tokens.Create(followUpId, expiresAtUtc);

    public Guid? Read(string token, DateTime nowUtc) => _tokens.Read(token, nowUtc);
}
