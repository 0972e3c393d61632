using MediatR;

namespace Needling.Sessions.Starting;

/// <summary>The patient's screening answers, reconfirmed on the day of the session.</summary>
internal static class ScreeningCheck
{
    public static Task EnsureConfirmedTodayAsync(IMediator mediator, Guid patientId, DateTime now, TimeZoneInfo zone, CancellationToken ct) =>
        Task.CompletedTask;
}
