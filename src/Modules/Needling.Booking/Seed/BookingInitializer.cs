using Needling.Booking.Data;
using Needling.SharedKernel.Modules;

namespace Needling.Booking.Seed;

/// <summary>Booking has no seed data of its own: appointments are made by people.</summary>
internal sealed class BookingInitializer(BookingDbContext db) : ModuleInitializer<BookingDbContext>(db)
{
    public override int Order => 20;
}
