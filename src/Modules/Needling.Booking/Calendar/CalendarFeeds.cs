using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Booking.Schedules;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Hosting;
using Needling.SharedKernel.Security;

namespace Needling.Booking.Calendar;

/// <summary>A practitioner's calendar subscriptions: created, listed and revoked by an Admin or the practitioner themself.</summary>
internal static class CalendarFeeds
{
    public const string PractitionerClaim = TokenClaims.PractitionerId;

    internal sealed record CreatedFeed(Guid Id, string Url);

    internal sealed record FeedDto(Guid Id, DateTime CreatedAtUtc, DateTime? RevokedAtUtc, bool BusyOnly);

    /// <summary>Admin, or a Practitioner whose token names the practitioner in the route.</summary>
    private static readonly AuthorizationPolicy AdminOrSelf = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(c => c.User.IsInRole(Roles.Admin) || IsSelf(c.User, c.Resource as HttpContext))
        .Build();

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapPost("/practitioners/{id:guid}/calendar-feeds", async (Guid id, HttpContext http, BookingDbContext db, IMediator mediator, PublicAddress address, TimeProvider clock, CancellationToken ct) =>
        {
            await mediator.PractitionerAsync(id, ct);
            var token = FeedToken.New();
            // Only the practitioner's own feed names patients (initials); one an Admin makes shows busy blocks.
            var busyOnly = !IsSelf(http.User, http);
            var feed = new CalendarFeed { PractitionerId = id, TokenHash = FeedToken.Hash(token), CreatedAtUtc = clock.GetUtcNow().UtcDateTime, BusyOnly = busyOnly };
            db.CalendarFeeds.Add(feed);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/practitioners/{id}/calendar-feeds/{feed.Id}", new CreatedFeed(feed.Id, address.Absolute(FeedToken.Url(token))));
        }).RequireAuthorization(AdminOrSelf).WithSummary(
            "Create a calendar subscription (RFC 5545) for a practitioner (Admin, or the practitioner themself). "
            + "The address (absolute, for pasting into a calendar app) is shown once; only a hash of it is kept. Events show patient initials and the treatment code only "
            + "when the practitioner makes their own feed; a feed an Admin makes shows busy blocks only (\"Busy\", no patient data).");

        staff.MapGet("/practitioners/{id:guid}/calendar-feeds", async (Guid id, BookingDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.CalendarFeeds.AsNoTracking().Where(f => f.PractitionerId == id).OrderBy(f => f.CreatedAtUtc)
                .Select(f => new FeedDto(f.Id, f.CreatedAtUtc, f.RevokedAtUtc, f.BusyOnly)).ToListAsync(ct)))
            .RequireAuthorization(AdminOrSelf)
            .WithSummary("List a practitioner's calendar subscriptions, without their addresses (Admin, or the practitioner themself).");

        staff.MapDelete("/practitioners/{id:guid}/calendar-feeds/{feedId:guid}", async (Guid id, Guid feedId, BookingDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.Id == feedId && f.PractitionerId == id, ct)
                ?? throw new NotFoundException("Calendar feed", feedId);
            feed.RevokedAtUtc ??= clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(AdminOrSelf)
          .WithSummary("Revoke a calendar subscription: its address answers 404 from now on (Admin, or the practitioner themself).");
    }

    private static bool IsSelf(ClaimsPrincipal user, HttpContext? http) =>
        user.IsInRole(Roles.Practitioner)
        && http?.GetRouteValue("id") is string route && Guid.TryParse(route, out var id)
        && TokenClaims.PractitionerIdOf(user) == id;
}
