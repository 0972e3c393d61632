using Hl7.Fhir.Model;
using Needling.Fhir.Gathering;
using Needling.Fhir.Terminology;

namespace Needling.Fhir.Mapping;

/// <summary>
/// The rules' findings: the warnings an appointment was booked with (implicating the Appointment), and the warnings
/// a practitioner overrode in a session, each with the written reason as its mitigation (implicating the Procedure).
/// Blocks never appear: a blocked booking or session does not exist. Warnings are "moderate": allowed with a reason.
/// </summary>
internal static class DetectedIssueMap
{
    public static IEnumerable<DetectedIssue> From(PatientRecord r) => AtBooking(r).Concat(InSessions(r));

    private static IEnumerable<DetectedIssue> AtBooking(PatientRecord r) =>
        r.Appointments.SelectMany(a => a.Warnings.Select((w, i) => new DetectedIssue
        {
            // A warning has no id of its own: the appointment's and its place in the list, which never changes.
            Id = $"{Elements.Id(a.Id)}-w{i + 1}",
            Status = ObservationStatus.Final,
            Code = Elements.Local(CodeSystems.Rule, w.RuleId),
            Severity = DetectedIssue.DetectedIssueSeverity.Moderate,
            Patient = Elements.Ref("Patient", r.Patient.Id),
            Identified = Elements.DateTimeOf(a.CreatedAtUtc),
            Implicated = [Elements.Ref("Appointment", a.Id)],
            Detail = w.Message,
        }));

    private static IEnumerable<DetectedIssue> InSessions(PatientRecord r) =>
        r.Sessions.SelectMany(s => s.Overrides.Select(o => new DetectedIssue
        {
            Id = Elements.Id(o.Id),
            Status = ObservationStatus.Final,
            Code = Elements.Local(CodeSystems.Rule, o.RuleId),
            Severity = DetectedIssue.DetectedIssueSeverity.Moderate,
            Patient = Elements.Ref("Patient", r.Patient.Id),
            Identified = Elements.DateTimeOf(o.AtUtc),
            Implicated = [Elements.Ref("Procedure", s.Id)],
            Detail = o.Finding,
            Mitigation =
            [
                new DetectedIssue.MitigationComponent
                {
                    Action = new CodeableConcept { Coding = [new Coding(CodeSystems.Mitigation, "override", "Warning overridden with a written reason")], Text = o.Reason },
                    Date = Elements.Time(o.AtUtc),
                    // At the start and in the record only the treating practitioner acts; an amendment may be a colleague's.
                    Author = o.Stage is "start" or "record" ? PractitionerMap.Ref(s.PractitionerId, r.Practitioners) : null,
                },
            ],
        }));
}
