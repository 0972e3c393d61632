using MediatR;
using Microsoft.EntityFrameworkCore;
using Needling.SharedKernel.Data;
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
    private sealed record Row(DateTime StartUtc, string TreatmentCode, string Indication, string Status);

    // Compiled once: every booking and eligibility question asks.
    private static readonly CompiledQuery<Func<BookingDbContext, Guid, List<string>, Guid?, IAsyncEnumerable<Row>>> Query = new(() =>
        EF.CompileAsyncQuery((BookingDbContext db, Guid patientId, List<string> codes, Guid? exclude) => db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && codes.Contains(a.TreatmentCode) && AppointmentStatus.Occupying.Contains(a.Status)
                && (exclude == null || a.Id != exclude))
            .Select(a => new Row(a.StartUtc, a.TreatmentCode, a.Indication, a.Status))));

    public async Task<IReadOnlyList<TreatmentHistoryItem>> Handle(GetTreatmentHistory request, CancellationToken cancellationToken)
    {
        var items = new List<TreatmentHistoryItem>();
        await foreach (var a in Query.For(db)(db, request.PatientId, request.TreatmentCodes.ToList(), request.ExcludeAppointmentId).WithCancellation(cancellationToken))
        {
            items.Add(new TreatmentHistoryItem(a.StartUtc, a.TreatmentCode, a.Indication, a.Status == AppointmentStatus.Fulfilled));
        }
        return items;
    }
}
