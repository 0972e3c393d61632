using System.Text.Json;
using Needling.Booking.Domain;

using Needling.SharedKernel.Concurrency;

namespace Needling.Booking.Appointments;

internal sealed record WarningDto(string RuleId, int RuleVersion, string Message, string Source);

internal sealed record AppointmentDto(
    Guid Id, Guid PatientId, Guid PractitionerId, Guid RoomId, Guid? DeviceId, string TreatmentCode, string Indication,
    DateTime StartUtc, DateTime EndUtc, string Status, string? CancelReason, string EligibilityOutcome, int RuleSetVersion,
    IReadOnlyList<WarningDto> Warnings, int Sequence) : IVersionedResource
{
    // The ETag is the sequence, which every change raises (also the iCalendar SEQUENCE).
    int IVersionedResource.Version => Sequence;

    public static AppointmentDto From(Appointment a) => new(
        a.Id, a.PatientId, a.PractitionerId, a.RoomId, a.DeviceId, a.TreatmentCode, a.Indication, a.StartUtc, a.EndUtc,
        a.Status, a.CancelReason, a.EligibilityOutcome, a.RuleSetVersion,
        JsonSerializer.Deserialize<List<WarningDto>>(a.WarningsJson, JsonSerializerOptions.Web) ?? [], a.Sequence);
}

/// <summary>What booking and rescheduling answer: the appointment and any warnings it was made with.</summary>
internal sealed record BookingResponse(AppointmentDto Appointment, IReadOnlyList<WarningDto> Warnings) : IVersionedResource
{
    int IVersionedResource.Version => Appointment.Sequence;
}
