using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Needling.SharedKernel.Audit;

namespace Needling.SharedKernel.DataRights;

/// <summary>How a module writes its part of a patient's export: readable JSON, and the audit rows about its records.</summary>
public static class ExportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // The patient reads this file: names in Thai or Japanese stay readable instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Serialize(object value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>The module's audit rows about the given records (the trail names records and fields, never values).</summary>
    public static async Task<IReadOnlyList<AuditRecord>> AuditRowsAsync(DbContext db, IEnumerable<Guid> entityIds, CancellationToken ct)
    {
        var ids = entityIds.Select(id => id.ToString()).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = new List<AuditRecord>();
        // In chunks: a long-treated patient has thousands of records, and providers limit parameters per statement.
        foreach (var chunk in ids.Chunk(500))
        {
            rows.AddRange(await db.Set<AuditRecord>().AsNoTracking().Where(a => chunk.Contains(a.EntityId)).ToListAsync(ct));
        }
        return rows.OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToList();
    }
}
