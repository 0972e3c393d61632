namespace Needling.Booking.Appointments;

/// <summary>Settings under "Booking".</summary>
internal sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>How long before the start a patient may be checked in (clinic policy; default 2 hours).</summary>
    public double CheckInWindowHours { get; set; } = 2;
}
