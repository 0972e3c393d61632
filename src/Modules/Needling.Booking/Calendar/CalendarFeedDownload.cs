using System.Text;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Contracts.Clinic;
using Needling.SharedKernel.Audit;

namespace Needling.Booking.Calendar;

/// <summary>
/// GET /calendar/{token}.ics: a practitioner's appointments for calendar apps, which cannot sign in; the
/// unguessable token is the credential. No health data: patient initials and the treatment code only, and not even
/// those in a feed an Admin made (busy blocks). A fetch of a practitioner's feed is audited as a read of each patient
/// in it, once per feed and UTC day.
/// </summary>
internal static class CalendarFeedDownload
{
    public static readonly TimeSpan Back = TimeSpan.FromDays(30);
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(180);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", async (string token, HttpContext http, BookingDbContext db, IMediator mediator, ReadAudit audit, TimeProvider clock, CancellationToken ct) =>
        {
            var hash = FeedToken.Hash(token);
            var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAtUtc == null, ct)
                ?? throw new FeedNotFoundException();
            var now = clock.GetUtcNow().UtcDateTime;
            var (from, to) = (now - Back, now + Ahead);
            var appointments = await db.Appointments.AsNoTracking()
                .Where(a => a.PractitionerId == feed.PractitionerId && a.StartUtc >= from && a.StartUtc < to)
                .OrderBy(a => a.StartUtc)
                .Select(a => new { a.Id, a.PatientId, a.StartUtc, a.EndUtc, a.PatientInitials, a.TreatmentCode, a.RoomId, a.Status, a.Sequence })
                .ToListAsync(ct);
            if (!feed.BusyOnly)
            {
                // Initials and treatment are the patient's data; busy blocks are not. Once a day per feed and patient:
                // calendar apps poll every few minutes. The feed's id names the reader; the token is a credential.
                await audit.RecordEachPatientOncePerDayAsync(db, FeedRead, FeedActor(feed.Id),
                    appointments.Select(a => (a.PatientId, a.Id)), ct);
            }
            var rooms = (await mediator.Send(new GetResources(), ct)).Rooms.ToDictionary(r => r.Id, r => r.Name);
            var clinic = await mediator.Send(new GetClinicProfile(), ct);
            var practitioner = await mediator.Send(new GetPractitioner(feed.PractitionerId), ct);
            var ics = IcsWriter.Write(new IcsCalendar(
                "-//Needling//Needling Booking//EN",
                practitioner is null ? clinic.Name : $"{practitioner.DisplayName} – {clinic.Name}",
                now,
                appointments.Select(a => new IcsEvent(
                    $"{a.Id}@needling", a.StartUtc, a.EndUtc, feed.BusyOnly ? BusySummary : Summary(a.PatientInitials, a.TreatmentCode),
                    rooms.GetValueOrDefault(a.RoomId), a.Sequence,
                    Cancelled: a.Status is AppointmentStatus.Cancelled or AppointmentStatus.NoShow)).ToList()));
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text(ics, IcsWriter.ContentType, Encoding.UTF8);
        }).AllowAnonymous().WithTags("Booking").WithSummary(
            "A practitioner's appointments from 30 days back to 180 days ahead as an iCalendar subscription. No sign-in: "
            + "the address is the credential. Unknown or revoked addresses answer 404.")
            .Produces<string>(StatusCodes.Status200OK, IcsWriter.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>The audit trail's name for a patient's appointments shown in a practitioner's feed.</summary>
    public const string FeedRead = "CalendarFeedAppointments";

    /// <summary>Who read, in the audit trail: the feed (never its token, which is the credential).</summary>
    public static string FeedActor(Guid feedId) => $"calendar-feed:{feedId}";

    /// <summary>What a feed an Admin made shows for every appointment: the time is taken, nothing about whom or what.</summary>
    public const string BusySummary = "Busy";

    /// <summary>What a practitioner's own calendar may show: "E. C. – MN-PEN". Never a name, indication or note.</summary>
    public static string Summary(string initials, string treatmentCode) =>
        string.IsNullOrWhiteSpace(initials) ? treatmentCode : $"{initials.Trim()} – {treatmentCode}";
}
