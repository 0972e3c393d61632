using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Needling.SharedKernel.Errors;

namespace Needling.Booking.Calendar;

/// <summary>A feed's URL token: 32 random bytes, base64url. Only its SHA-256 (hex) is stored.</summary>
internal static class FeedToken
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Url(string token) => $"/calendar/{token}.ics";
}

/// <summary>404 for an unknown or revoked feed token; the message does not echo the token.</summary>
internal sealed class FeedNotFoundException()
    : NeedlingException("Not found", "There is no calendar feed at this address; it may have been revoked.")
{
    public override int StatusCode => 404;
    public override string Type => "https://needling.dev/problems/notfound";
}
