using Needling.SharedKernel.Audit;

namespace Needling.Booking.Domain;

/// <summary>
/// A practitioner's calendar subscription. Only the SHA-256 of the URL token is stored, so a database
/// copy cannot be used to read calendars; revoking sets <see cref="RevokedAtUtc"/>.
/// </summary>
internal sealed class CalendarFeed : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PractitionerId { get; init; }
    public string TokenHash { get; init; } = "";
    public DateTime CreatedAtUtc { get; init; }
    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>
    /// Created by an Admin: busy blocks only, no patient initials or treatment. An Admin runs the clinic and never
    /// sees patient data; only the practitioner's own feed names their patients (by initials).
    /// </summary>
    public bool BusyOnly { get; init; }
}
