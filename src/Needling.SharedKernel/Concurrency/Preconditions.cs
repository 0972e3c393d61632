using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Needling.SharedKernel.Concurrency;

/// <summary>
/// If-Match against lost updates. An ETag is a record's version in quotes. An update names the version it was made
/// from; <see cref="EnsureMatches(HttpContext, DbContext, object, string)"/> refuses it at once when that is no longer
/// current (412), and the save compares again in its UPDATE's WHERE (the record's concurrency token), so of two
/// clients sending the same ETag at the same moment only one can win: the other's save raises
/// <see cref="DbUpdateConcurrencyException"/>, which the API answers with 412 too.
/// </summary>
public static class Preconditions
{
    public static string ETagOf(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// 428 without If-Match, 412 unless it is the ETag of the version <paramref name="entity"/> was read at (its
    /// concurrency token); the answer carries the ETag of the version saved.
    /// </summary>
    public static void EnsureMatches(this HttpContext http, DbContext db, object entity, string what)
    {
        var entry = db.Entry(entity);
        var token = entry.Metadata.GetProperties().Single(p => p.IsConcurrencyToken);
        var property = entry.Property(token.Name);
        http.EnsureMatches(Convert.ToInt64(property.OriginalValue, CultureInfo.InvariantCulture), what);
        http.Response.OnStarting(() =>
        {
            if (http.Response.StatusCode < 300)
            {
                http.SetETag(Convert.ToInt64(property.CurrentValue, CultureInfo.InvariantCulture));
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>428 without If-Match, 412 unless one of its tags is the ETag of <paramref name="current"/>.</summary>
    public static void EnsureMatches(this HttpContext http, long current, string what)
    {
        var tags = IfMatch(http);
        var expected = ETagOf(current);
        // Strong comparison (RFC 9110 13.1.1): a weak tag never matches.
        if (!tags.Any(t => !t.IsWeak && t.Tag.Value == expected))
        {
            throw new PreconditionFailedException(what);
        }
    }

    public static void SetETag(this HttpContext http, long version) => http.Response.Headers.ETag = ETagOf(version);

    /// <summary>The tags sent; 428 when none is, or "*" (which would match any version and so protect nothing).</summary>
    internal static IList<EntityTagHeaderValue> IfMatch(HttpContext http)
    {
        IList<EntityTagHeaderValue> tags;
        try
        {
            tags = http.Request.GetTypedHeaders().IfMatch;
        }
        catch (FormatException)
        {
            tags = [];
        }
        if (tags.Count == 0 || tags.Any(t => t.Tag == EntityTagHeaderValue.Any.Tag))
        {
            throw new PreconditionRequiredException();
        }
        return tags;
    }
}
