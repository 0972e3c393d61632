using Microsoft.EntityFrameworkCore;
using Needling.Contracts.DataRights;
using Needling.Patients.Data;
using Needling.Patients.Domain;

namespace Needling.Patients.DataRights;

/// <summary>
/// Patients' own part of an erasure (tracked, so each change leaves its audit row; saved by the caller with the
/// completion). With a retention, the name, date of birth and screening stay (they identify and make up the clinical
/// record) and the contact details go. Without one, the patient and every screening record are deleted.
/// </summary>
internal static class PatientErasure
{
    public static async Task<ModuleErasure> EraseAsync(PatientsDbContext db, Patient patient, ClinicalRetention? retention, CancellationToken ct)
    {
        var screening = await db.ScreeningEntries.Where(s => s.PatientId == patient.Id).ToListAsync(ct);
        var answers = await db.ScreeningAnswers.Where(a => a.PatientId == patient.Id).ToListAsync(ct);
        var confirmations = await db.ScreeningConfirmations.Where(c => c.PatientId == patient.Id).ToListAsync(ct);
        if (retention is null)
        {
            db.ScreeningEntries.RemoveRange(screening);
            db.ScreeningAnswers.RemoveRange(answers);
            db.ScreeningConfirmations.RemoveRange(confirmations);
            db.ScreeningVersions.RemoveRange(await db.ScreeningVersions.Where(v => v.PatientId == patient.Id).ToListAsync(ct));
            db.Patients.Remove(patient);
            return new ModuleErasure("patients",
                [
                    new ErasedPart("name, date of birth, contact details and language", 1),
                    new ErasedPart("screening answers, confirmations and history", screening.Count + answers.Count + confirmations.Count),
                ], []);
        }
        var contact = patient.Phone is not null || patient.Email is not null ? 1 : 0;
        patient.Phone = null;
        patient.Email = null;
        patient.UpdateSearchKeys();
        List<KeptPart> kept = [new("name, date of birth and language (they identify the clinical record)", 1, retention.Reason, retention.KeepUntilUtc)];
        if (screening.Count + answers.Count + confirmations.Count > 0)
        {
            kept.Add(new("screening answers, confirmations and history", screening.Count + answers.Count + confirmations.Count, retention.Reason, retention.KeepUntilUtc));
        }
        return new ModuleErasure("patients", [new ErasedPart("contact details (phone, e-mail address)", contact)], kept);
    }
}
