using Needling.SharedKernel.Concurrency;

namespace Needling.Patients.Domain;

/// <summary>
/// The version of one patient's screening as GET /patients/{id}/screening shows it (current answers and the latest
/// confirmation): raised by every answer added, revised or removed and by every confirmation, so that a confirmation
/// names the answers it confirms (If-Match) and cannot confirm answers changed since they were read. No row yet: 0.
/// </summary>
internal sealed class ScreeningVersion : IVersioned
{
    public Guid PatientId { get; init; }
    public int Version { get; set; }
}
