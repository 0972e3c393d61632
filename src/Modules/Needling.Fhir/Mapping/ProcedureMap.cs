using System.Globalization;
using Hl7.Fhir.Model;
using Needling.Contracts.Sessions;
using Needling.Fhir.Gathering;
using Needling.Fhir.Terminology;

namespace Needling.Fhir.Mapping;

/// <summary>A treatment session: signed = completed (locked), otherwise in progress; the record as it stands after amendments.</summary>
internal static class ProcedureMap
{
    public static IEnumerable<Procedure> From(PatientRecord r) => r.Sessions.Select(s => From(s, r));

    private static Procedure From(PatientSession s, PatientRecord r)
    {
        var procedure = new Procedure
        {
            Id = Elements.Id(s.Id),
            Status = s.Status == "signed" ? EventStatus.Completed : EventStatus.InProgress,
            Code = Elements.Treatment(s.TreatmentCode, r.TreatmentNames),
            ReasonCode = [Elements.Indication(s.Indication)],
            Subject = Elements.Ref("Patient", r.Patient.Id),
            Performed = Elements.DateTimeOf(s.StartedAtUtc),
            Performer = [new Procedure.PerformerComponent { Actor = PractitionerMap.Ref(s.PractitionerId, r.Practitioners) }],
            BodySite = s.Areas.Select(a => Elements.BodySite(a.Area)).ToList(),
            Complication = s.AdverseEvents.Select(e => new CodeableConcept
            {
                Coding = [new Coding(CodeSystems.AdverseEvent, e.Type)],
                Text = $"{e.Type} ({e.Severity}): {e.ActionTaken}",
            }).ToList(),
        };
        if (s.Device is { } device)
        {
            procedure.UsedReference.Add(AppointmentMap.Logical("Device", CodeSystems.DeviceSerial, device.Serial, device.Name));
        }
        if (s.SterileItem is { } item)
        {
            procedure.UsedCode.Add(new CodeableConcept { Text = item });
        }
        var depths = s.Areas.Where(a => a.DepthMm is not null || a.Passes is not null).Select(a =>
            $"{Snomed.AreaName(a.Area)}: {a.DepthMm?.ToString(CultureInfo.InvariantCulture) ?? "?"} mm, {a.Passes?.ToString(CultureInfo.InvariantCulture) ?? "?"} passes").ToList();
        if (depths.Count > 0)
        {
            procedure.Note.Add(new Annotation { Text = new Markdown("Depth and passes: " + string.Join("; ", depths)) });
        }
        if (s.Amendments > 0)
        {
            procedure.Note.Add(new Annotation { Text = new Markdown($"Corrected by {s.Amendments} amendment(s) after signing; shown as it stands after the latest.") });
        }
        return procedure;
    }
}
