using Needling.Contracts.Clinic;

namespace Needling.Booking.Availability;

internal static class Qualification
{
    /// <summary>
    /// The last local date on which the practitioner holds every qualification of at least one of the sets
    /// and a valid licence (expiry dates are last valid days, as in the eligibility rules); null when they
    /// never do. <see cref="DateOnly.MaxValue"/> means nothing expires.
    /// </summary>
    public static DateOnly? QualifiedUntil(PractitionerInfo practitioner, IEnumerable<IReadOnlyList<string>> sets)
    {
        DateOnly? best = null;
        foreach (var set in sets)
        {
            var until = DateOnly.MaxValue;
            foreach (var code in set)
            {
                DateOnly? held = null;
                foreach (var q in practitioner.Qualifications)
                {
                    if (q.Code == code)
                    {
                        var expiry = q.ExpiresOn ?? DateOnly.MaxValue;
                        held = held is null || expiry > held ? expiry : held;
                    }
                }
                if (held is null)
                {
                    until = DateOnly.MinValue;
                    break;
                }
                until = held.Value < until ? held.Value : until;
            }
            if (until != DateOnly.MinValue && (best is null || until > best))
            {
                best = until;
            }
        }
        if (best is null)
        {
            return null;
        }
        return practitioner.LicenceExpiresOn is { } licence && licence < best ? licence : best;
    }
}
