using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.Contracts.Booking;

namespace Needling.Booking.Integration;

/// <summary>
/// Completed sessions and appointments still to come, of the given treatments: minimum intervals count
/// from both, so two future sessions too close together are refused as well.
/// </summary>
internal sealed class GetTreatmentHistoryHandler(BookingDbContext db) : IRequestHandler<GetTreatmentHistory, IReadOnlyList<TreatmentHistoryItem>>
{
    public async Task<IReadOnlyList<TreatmentHistoryItem>> Handle(GetTreatmentHistory request, CancellationToken cancellationToken)
    {
        var codes = request.TreatmentCodes.ToList();
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == request.PatientId && codes.Contains(a.TreatmentCode) && AppointmentStatus.Occupying.Contains(a.Status)
                && (request.ExcludeAppointmentId == null || a.Id != request.ExcludeAppointmentId))
            .Select(a => new { a.StartUtc, a.TreatmentCode, a.Indication, a.Status })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new TreatmentHistoryItem(a.StartUtc, a.TreatmentCode, a.Indication, a.Status == AppointmentStatus.Fulfilled)).ToList();
    }
}
