using Microsoft.EntityFrameworkCore;
using Needling.Contracts.Demo;
using Needling.ClinicalRules;
using Needling.Patients.Data;
using Needling.Patients.Domain;
using Needling.SharedKernel.Modules;

namespace Needling.Patients.Seed;

/// <summary>Demo patients (invented people) with screening that exercises the default rules.</summary>
internal sealed class PatientsInitializer(PatientsDbContext db, TimeProvider clock) : ModuleInitializer<PatientsDbContext>(db)
{
    public override int Order => 10;

    public override async Task SeedAsync(bool demo, CancellationToken ct)
    {
        if (!demo || await Db.Patients.AnyAsync(ct))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var emma = Patient("Emma", "Clarke", new DateOnly(1988, 4, 12), "+44 20 7946 0101", "en", now, DemoRecords.PatientEmma);
        var yuki = Patient("Yuki", "Sato", new DateOnly(1992, 9, 3), "+81 3 1234 5678", "ja", now);
        var somchai = Patient("Somchai", "Wongsakul", new DateOnly(1979, 1, 25), "+66 2 123 4567", "th", now);
        Db.Patients.AddRange(emma, yuki, somchai);
        Db.ScreeningEntries.AddRange(
            Entry(emma, "allergy", "lidocaine", null, null, null, null, now),
            // A warning for microneedling that her past session went ahead with, on the doctor's written override.
            Entry(emma, "condition", "keloid-history", "Keloid on the chest after surgery", null, today.AddYears(-9), null, now),
            Entry(yuki, "medication", "isotretinoin", "Isotretinoin 20 mg", null, today.AddMonths(-9), today.AddMonths(-4), now),
            Entry(yuki, "skin-finding", "acne", null, "cheeks", today.AddDays(-10), null, now, "mild"),
            Entry(somchai, "medication", "anticoagulant", "Apixaban 5 mg", null, today.AddYears(-2), null, now),
            Entry(somchai, "skin-finding", "cold-sore", null, "upper-lip", today.AddDays(-2), null, now));
        // The screening questions answered, so the demo shows decisions, not "screening incomplete".
        Db.ScreeningAnswers.AddRange(Answers(emma, now, ("fitzpatrick", "II", null)));
        Db.ScreeningAnswers.AddRange(Answers(yuki, now, ("fitzpatrick", "III", null)));
        Db.ScreeningAnswers.AddRange(Answers(somchai, now, ("fitzpatrick", "IV", null), ("blood-thinner", "yes", "Apixaban 5 mg"), ("cold-sore-now", "yes", null)));
        await Db.SaveChangesAsync(ct);
    }

    // Every question answered "no" (or its first choice), except the answers given.
    private static IEnumerable<ScreeningAnswerRecord> Answers(Patient p, DateTime now, params (string Question, string Value, string? Detail)[] given) =>
        ScreeningQuestionnaire.Default.Questions.Select(q =>
        {
            var (_, value, detail) = given.FirstOrDefault(g => g.Question == q.Id);
            return new ScreeningAnswerRecord
            {
                PatientId = p.Id, QuestionId = q.Id, Value = value ?? (q.Choices.Any(c => c.Value == "no") ? "no" : q.Choices[0].Value),
                Areas = q.FixedAreas is null ? null : string.Join(',', q.FixedAreas), Detail = detail,
                GivenBy = "patient", RecordedBy = "demo", AnsweredAtUtc = now,
            };
        });

    private static Patient Patient(string given, string family, DateOnly dob, string phone, string language, DateTime now, Guid? id = null)
    {
        var p = new Patient { Id = id ?? Guid.CreateVersion7(), GivenName = given, FamilyName = family, DateOfBirth = dob, Phone = phone, PreferredLanguage = language, RegisteredAtUtc = now };
        p.UpdateSearchKeys();
        return p;
    }

    private static ScreeningEntry Entry(Patient p, string kind, string code, string? name, string? area, DateOnly? started, DateOnly? ended, DateTime now, string? severity = null) => new()
    {
        PatientId = p.Id, EntryKey = Guid.CreateVersion7(), Revision = 1, Kind = kind, Code = code, Name = name, Area = area,
        Severity = severity, StartedOn = started, EndedOn = ended, RecordedBy = "demo", RecordedAtUtc = now,
    };
}
