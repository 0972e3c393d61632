using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Needling.Booking.Appointments;
using Needling.Booking.Data;
using Needling.Booking.Schedules;
using Needling.Booking.Seed;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Hosting;
using Needling.SharedKernel.Outbox;
using Needling.SharedKernel.Security;

namespace Needling.Booking;

/// <summary>Schedules, availability, the appointment lifecycle, and practitioners' calendar feeds.</summary>
public static class BookingModule
{
    public static IServiceCollection AddBookingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<BookingDbContext, BookingInitializer>(configuration, BookingDbContext.Schema, BookingDbContext.RefusalsAreNotErrors);
        services.AddSingleton<BookingWriteLock>();
        services.AddScoped<BookingChecks>();
        services.AddScoped<PatientLock>();
        services.AddScoped<Eligibility.EligibilityQuestion>();
        services.AddScoped<AppointmentWriter>();
        services.AddScoped<Idempotency>();
        services.AddScoped<StatusChange>();
        services.Configure<BookingOptions>(configuration.GetSection(BookingOptions.Section));
        services.AddScoped<ScheduleReader>();
        // Calendar feeds are subscribed to from outside: their address is absolute (Mail:PublicBaseUrl).
        services.TryAddSingleton<PublicAddress>();
        services.AddScoped<ScheduleCache>();
        services.AddOutbox<BookingDbContext>(BookingDbContext.Schema);
        // Consumes SessionSigned (Integration/CompleteWhenSessionSigned): handled once each, recorded in this module's inbox.
        services.AddInbox<BookingDbContext>();
        services.AddScoped<IRetentionPurge, IdempotencyPurge>();
        return services;
    }

    public static IEndpointRouteBuilder MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("").WithTags("Booking").RequireAuthorization(p => p.RequireRole(Roles.All));
        var desk = app.MapGroup("").WithTags("Booking").RequireAuthorization(p => p.RequireRole(Roles.Receptionist, Roles.Practitioner));
        var admin = app.MapGroup("").WithTags("Booking").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        BookAppointment.Map(desk);
        RescheduleAppointment.Map(desk);
        ReassignAppointment.Map(desk);
        ChangeAppointmentStatus.Map(desk);
        GetAppointments.Map(desk);
        Eligibility.CheckEligibilityEndpoint.Map(desk);
        // Scheduling endpoints (schedules, availability, calendar feeds) are mapped below.
        Schedules.WeeklySchedule.Map(staff, admin);
        Schedules.ScheduleExceptions.Map(admin);
        Schedules.PractitionerLeave.Map(admin);
        Availability.SearchAvailability.Map(desk);
        Calendar.CalendarFeeds.Map(staff);
        Calendar.CalendarFeedDownload.Map(app);
        return app;
    }
}
