using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Needling.SharedKernel.Data;
using Needling.Booking.Data;
using Needling.Booking.Domain;
using Needling.SharedKernel.Audit;
using Needling.SharedKernel.Errors;

namespace Needling.Booking.Appointments;

/// <summary>
/// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): the first successful answer is stored in
/// the same transaction as the change, and a retry with the same key and body gets it back unchanged.
/// </summary>
internal sealed class Idempotency(BookingDbContext db, ICurrentActor actor)
{
    public const string Header = "Idempotency-Key";

    // Compiled once: asked on every booking and reschedule that carries a key.
    private static readonly CompiledQuery<Func<BookingDbContext, string, string, CancellationToken, Task<IdempotencyRecord?>>> FindStored = new(() =>
        EF.CompileAsyncQuery((BookingDbContext db, string scope, string key, CancellationToken ct) =>
            db.IdempotencyRecords.AsNoTracking().SingleOrDefault(r => r.Scope == scope && r.Key == key)));

    internal sealed record Key(string Scope, string Value, string RequestHash);

    public static Key? Read(HttpContext http, string operation, object request)
    {
        var value = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length > 200)
        {
            throw new ValidationException(new Dictionary<string, string[]> { [Header] = ["must be at most 200 characters."] });
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, JsonSerializerOptions.Web))));
        return new Key(operation, value, hash);
    }

    /// <summary>The stored answer for this key, or null when it is new. The same key with another body is refused.</summary>
    public async Task<IResult?> ReplayAsync(Key? key, CancellationToken ct)
    {
        if (key is null)
        {
            return null;
        }
        var scope = $"{actor.Id}:{key.Scope}";
        var stored = await FindStored.For(db)(db, scope, key.Value, ct);
        if (stored is null)
        {
            return null;
        }
        if (stored.RequestHash != key.RequestHash)
        {
            throw new RuleViolationException("idempotency.key-reused", "This Idempotency-Key was used for a different request; use a new key for a new request.");
        }
        return new StoredResult(stored);
    }

    /// <summary>Adds the answer to the unit of work; it commits with the change.</summary>
    public string Remember(Key? key, int status, object response, string? location, DateTime now)
    {
        var json = JsonSerializer.Serialize(response, JsonSerializerOptions.Web);
        if (key is not null)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Scope = $"{actor.Id}:{key.Scope}",
                Key = key.Value,
                RequestHash = key.RequestHash,
                StatusCode = status,
                ResponseJson = json,
                Location = location,
                CreatedAtUtc = now,
            });
        }
        return json;
    }

    public static IResult Json(int status, string json, string? location) => new StoredResult(new IdempotencyRecord { StatusCode = status, ResponseJson = json, Location = location });

    private sealed class StoredResult(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = record.StatusCode;
            if (record.Location is not null)
            {
                http.Response.Headers.Location = record.Location;
            }
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(record.ResponseJson);
        }
    }
}
