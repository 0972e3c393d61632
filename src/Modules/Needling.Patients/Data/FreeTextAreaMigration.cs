using System.Text;

namespace Needling.Patients.Data;

/// <summary>
/// The SQL of migration ScreeningAreasToVocabulary (both providers): screening areas typed as free text before the
/// body-area vocabulary become its codes. A value with an obvious meaning ("eyes", "Left cheek", "lips") takes
/// its code; any other becomes NULL, which the rules read as "anywhere on the body", the cautious reading, and
/// the old text moves into the notes so that nothing recorded is lost. Every changed row leaves an audit row.
/// Frozen with the migration: the codes and synonyms are written out here rather than read from the vocabulary,
/// so that a later change to the vocabulary cannot change what an old migration did.
/// </summary>
internal static class FreeTextAreaMigration
{
    // Code → what staff typed for it, compared lower-case, trimmed, with spaces and underscores read as hyphens.
    // A side-less "arm" or "shoulder" is not guessed: it goes to NULL and the notes, and so counts for both sides.
    public static readonly IReadOnlyList<(string Code, string[] Synonyms)> Map =
    [
        ("face", ["face", "whole-face", "full-face", "facial"]),
        ("forehead", ["forehead", "brow", "brows", "glabella"]),
        ("periorbital", ["periorbital", "eye", "eyes", "under-eye", "under-eyes", "undereye", "undereyes", "around-eyes",
            "around-the-eyes", "eyelid", "eyelids", "crow's-feet", "crows-feet"]),
        ("nose", ["nose", "nasal"]),
        ("cheeks", ["cheeks", "cheek", "left-cheek", "right-cheek", "both-cheeks", "cheek-left", "cheek-right"]),
        ("upper-lip", ["upper-lip", "lip", "lips", "mouth", "perioral", "around-mouth", "around-the-mouth"]),
        ("chin", ["chin"]),
        ("jawline", ["jawline", "jaw", "jaw-line"]),
        ("neck", ["neck"]),
        ("chest", ["chest", "decolletage", "décolletage", "decollete", "décolleté"]),
        ("back", ["back"]),
        ("upper-back", ["upper-back"]),
        ("lower-back", ["lower-back"]),
        ("abdomen", ["abdomen", "stomach", "belly", "tummy"]),
        ("scalp", ["scalp"]),
        ("shoulder-left", ["shoulder-left", "left-shoulder"]),
        ("shoulder-right", ["shoulder-right", "right-shoulder"]),
        ("arm-left", ["arm-left", "left-arm"]),
        ("arm-right", ["arm-right", "right-arm"]),
        ("hand-left", ["hand-left", "left-hand"]),
        ("hand-right", ["hand-right", "right-hand"]),
        ("leg-left", ["leg-left", "left-leg"]),
        ("leg-right", ["leg-right", "right-leg"]),
    ];

    /// <summary>The statements for one provider: the audit rows first, as they must see the areas before the change.</summary>
    public static string Sql(bool postgres)
    {
        var entries = postgres ? "patients.screening_entries" : "patients_screening_entries";
        var audit = postgres ? "patients.audit_log" : "patients_audit_log";
        // SQLite's lower() folds ASCII only; every synonym that is not ASCII is written in lower case already.
        const string key = "replace(replace(lower(trim(area)), '_', '-'), ' ', '-')";
        var codes = string.Join(", ", Map.Select(m => Literal(m.Code)));
        var synonyms = string.Join(", ", Map.SelectMany(m => m.Synonyms).Select(Literal));
        var changed = $"area IS NOT NULL AND area NOT IN ({codes})";
        var unmapped = $"{key} NOT IN ({synonyms})";

        var newCode = new StringBuilder($"CASE {key}");
        foreach (var (code, words) in Map)
        {
            foreach (var word in words)
            {
                newCode.Append($" WHEN {Literal(word)} THEN {Literal(code)}");
            }
        }
        newCode.Append(" ELSE NULL END");

        // Ids and times as EF Core writes them for each provider (SQLite: upper-case GUID text, ISO text time).
        var (newId, now, entityId) = postgres
            ? ("gen_random_uuid()", "now()", "id::text")
            : ("upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))",
               "strftime('%Y-%m-%d %H:%M:%f', 'now')", "lower(id)");
        return $"""
            INSERT INTO {audit} (id, at_utc, actor, action, entity_type, entity_id, fields)
            SELECT {newId}, {now}, 'system', 'updated', 'ScreeningEntry', {entityId}, CASE WHEN {unmapped} THEN 'Area,Notes' ELSE 'Area' END
            FROM {entries} WHERE {changed};

            UPDATE {entries} SET
                notes = CASE WHEN {unmapped}
                    THEN substr('Area recorded as ''' || area || ''' before the area list.' || coalesce(' ' || notes, ''), 1, 2000)
                    ELSE notes END,
                area = {newCode}
            WHERE {changed};
            """;
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
