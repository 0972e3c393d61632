using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.ClinicalRules;
using Needling.Patients.Data;
using Needling.Patients.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;

namespace Needling.Patients.Screening;

/// <summary>
/// GET /screening/questions: the questions that matter for the rules, in en/ja/th (data: screening-questions.json).
/// POST /patients/{id}/screening/answers: answers to some or all of them, dated, with who gave them. An answer to a
/// question already answered supersedes the earlier one, which stays on record. A question never answered is
/// unknown to the rules, never "no".
/// </summary>
internal static class AnswerQuestions
{
    internal sealed record Answer(string? Question, string? Value, DateOnly? OccurredOn = null, IReadOnlyList<string>? Areas = null, string? Detail = null);

    internal sealed record Request(string? GivenBy, IReadOnlyList<Answer>? Answers);

    internal sealed record AnswerDto(string Question, string Value, DateOnly? OccurredOn, IReadOnlyList<string>? Areas, string? Detail,
        string GivenBy, string RecordedBy, DateTime AnsweredAtUtc)
    {
        public static AnswerDto From(ScreeningAnswerRecord a) =>
            new(a.QuestionId, a.Value, a.OccurredOn, a.AreaList, a.Detail, a.GivenBy, a.RecordedBy, a.AnsweredAtUtc);
    }

    /// <summary>The current answers and the questions still unanswered.</summary>
    internal sealed record AnswersDto(IReadOnlyList<AnswerDto> Answers, IReadOnlyList<string> Unanswered)
    {
        public static AnswersDto From(IEnumerable<ScreeningAnswerRecord> current)
        {
            var answers = current.OrderBy(a => a.QuestionId, StringComparer.Ordinal).Select(AnswerDto.From).ToList();
            var unanswered = ScreeningQuestionnaire.Default.Questions.Select(q => q.Id).Except(answers.Select(a => a.Question)).ToList();
            return new AnswersDto(answers, unanswered);
        }
    }

    public static void Map(RouteGroupBuilder desk)
    {
        desk.MapGet("/screening/questions", () => TypedResults.Ok(ScreeningQuestionnaire.Default))
            .WithSummary("The screening questions (en, ja, th) with their choices, and which answers ask for a date, body areas or a name.");

        desk.MapGet("/patients/{id:guid}/screening/answers", async (Guid id, PatientsDbContext db, ReadAudit audit, CancellationToken ct) =>
        {
            await db.EnsurePatientExistsAsync(id, ct);
            var current = await db.ScreeningAnswers.AsNoTracking().Where(a => a.PatientId == id && a.SupersededAtUtc == null).ToListAsync(ct);
            await audit.RecordAsync(db, id, "ScreeningAnswers", id, ct: ct);
            return TypedResults.Ok(AnswersDto.From(current));
        }).WithSummary("The patient's current answers to the screening questions, and the questions still unanswered.");

        desk.MapPost("/patients/{id:guid}/screening/answers", async (Guid id, Request r, ClaimsPrincipal user, PatientsDbContext db,
            ICurrentActor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            Validate(r, DateOnly.FromDateTime(now));
            await db.EnsurePatientExistsAsync(id, ct);
            var asked = r.Answers!.Select(a => a.Question!).ToList();
            var current = await db.ScreeningAnswers.Where(a => a.PatientId == id && a.SupersededAtUtc == null).ToListAsync(ct);
            foreach (var old in current.Where(a => asked.Contains(a.QuestionId)))
                old.SupersededAtUtc = now;
            var added = r.Answers!.Select(a => New(id, a, r.GivenBy!, actor.Id, now)).ToList();
            db.ScreeningAnswers.AddRange(added);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(AnswersDto.From(current.Where(a => a.SupersededAtUtc is null).Concat(added)));
        }).WithSummary("Answer screening questions (givenBy: patient, guardian or practitioner). A new answer supersedes the earlier one; both are kept.");
    }

    private static ScreeningAnswerRecord New(Guid patientId, Answer a, string givenBy, string recordedBy, DateTime now)
    {
        var question = ScreeningQuestionnaire.Default.Find(a.Question!)!;
        var areas = question.FixedAreas ?? (question.AreasWhen.Contains(a.Value!) && a.Areas is { Count: > 0 } ? a.Areas : null);
        return new ScreeningAnswerRecord
        {
            PatientId = patientId,
            QuestionId = question.Id,
            Value = a.Value!,
            OccurredOn = a.OccurredOn,
            Areas = areas is null ? null : string.Join(',', areas.Distinct(StringComparer.Ordinal)),
            Detail = string.IsNullOrWhiteSpace(a.Detail) ? null : a.Detail.Trim(),
            GivenBy = givenBy,
            RecordedBy = recordedBy,
            AnsweredAtUtc = now,
        };
    }

    private static void Validate(Request r, DateOnly today)
    {
        var v = new Validator()
            .OneOf(r.GivenBy, AnswerGivers.All, "givenBy")
            .Require(r.Answers is { Count: > 0 }, "answers", "give at least one answer.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (r.Answers?.Count ?? 0); i++)
        {
            var a = r.Answers![i];
            var field = $"answers[{i}]";
            var question = a.Question is null ? null : ScreeningQuestionnaire.Default.Find(a.Question);
            if (question is null)
            {
                v.Require(false, $"{field}.question", $"must be one of: {string.Join(", ", ScreeningQuestionnaire.Default.Questions.Select(q => q.Id))}.");
                continue;
            }
            v.Require(seen.Add(question.Id), $"{field}.question", "is answered twice in this request.");
            var choices = question.Choices.Select(c => c.Value).ToList();
            v.Require(a.Value is not null && choices.Contains(a.Value), $"{field}.value", $"must be one of: {string.Join(", ", choices)}.");
            v.Require(a.OccurredOn is null || (a.Value is not null && question.DateWhen.Contains(a.Value)), $"{field}.occurredOn",
                "this answer does not ask for a date.");
            v.Require(a.OccurredOn is null || a.OccurredOn <= today, $"{field}.occurredOn", "must not be in the future.");
            v.Require(a.Areas is not { Count: > 0 } || (question.FixedAreas is null && a.Value is not null && question.AreasWhen.Contains(a.Value)),
                $"{field}.areas", "this answer does not ask for body areas.");
            v.Require(a.Areas is null || a.Areas.All(BodyAreaVocabulary.Default.Contains), $"{field}.areas",
                "must be body-area codes (GET /body-areas).");
            v.MaxLength(a.Detail, $"{field}.detail", 500);
        }
        v.ThrowIfInvalid();
    }
}
