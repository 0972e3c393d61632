using MediatR;

namespace Needling.Contracts.DataRights;

/// <summary>Asks Booking for everything it holds about one patient (appointments, their history, calendar entries, audit rows).</summary>
/// <param name="PatientId">Patient id.</param>
public sealed record ExportBookingData(Guid PatientId) : IRequest<ModuleExport>;

/// <summary>Asks Consent for everything it holds about one patient (requests, signed consents with their PDFs and signatures, audit rows).</summary>
/// <param name="PatientId">Patient id.</param>
public sealed record ExportConsentData(Guid PatientId) : IRequest<ModuleExport>;

/// <summary>Asks Sessions for everything it holds about one patient (session records, amendments, overrides, events, audit rows).</summary>
/// <param name="PatientId">Patient id.</param>
/// <param name="AppointmentIds">The patient's appointments (from Booking): a start refused by a rule is noted by appointment only.</param>
public sealed record ExportSessionsData(Guid PatientId, IReadOnlyList<Guid> AppointmentIds) : IRequest<ModuleExport>;

/// <summary>Asks Aftercare for everything it holds about one patient (sheets with PDFs, deliveries, follow-ups, complication photos, audit rows).</summary>
/// <param name="PatientId">Patient id.</param>
public sealed record ExportAftercareData(Guid PatientId) : IRequest<ModuleExport>;

/// <summary>One module's part of a patient's export: its rows as one JSON document, and the stored files.</summary>
/// <param name="Module">The module's name, e.g. "booking": the JSON is data/{Module}.json in the archive.</param>
/// <param name="Json">UTF-8 JSON of the module's rows about the patient.</param>
/// <param name="Files">Stored documents, byte for byte as stored.</param>
public sealed record ModuleExport(string Module, byte[] Json, IReadOnlyList<ExportFile> Files);

/// <summary>A stored document of the patient's.</summary>
/// <param name="Path">Path in the archive, e.g. "consent/{id}.pdf".</param>
/// <param name="ContentType">Media type, e.g. application/pdf.</param>
/// <param name="Content">The bytes as stored.</param>
public sealed record ExportFile(string Path, string ContentType, byte[] Content);
