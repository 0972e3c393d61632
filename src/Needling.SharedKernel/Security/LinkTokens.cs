using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Needling.SharedKernel.Security;

/// <summary>
/// A patient's link token: one id and an expiry, encrypted and authenticated with AES-GCM under a key derived
/// from the service's signing key (shared by every instance) and the link's purpose. The URL therefore reveals
/// nothing, cannot be altered, and opens only what it was made for (a signing link is no download link).
/// </summary>
public sealed class LinkTokens
{
    private const byte FormatVersion = 1;
    private readonly byte[] _purpose;
    private readonly byte[] _key;

    public LinkTokens(TokenSettings settings, string purpose)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _purpose = System.Text.Encoding.UTF8.GetBytes(purpose);
        var secret = settings.SigningKey.Length > 0 ? settings.SigningKey : RandomNumberGenerator.GetBytes(32);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: _purpose);
    }

    public string Create(Guid id, DateTime expiresAtUtc)
    {
        Span<byte> plain = stackalloc byte[25];
        plain[0] = FormatVersion;
        id.TryWriteBytes(plain[1..17]);
        BinaryPrimitives.WriteInt64BigEndian(plain[17..], new DateTimeOffset(expiresAtUtc).ToUnixTimeSeconds());
        var token = new byte[12 + plain.Length + 16];
        RandomNumberGenerator.Fill(token.AsSpan(0, 12));
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(token.AsSpan(0, 12), plain, token.AsSpan(12, plain.Length), token.AsSpan(12 + plain.Length), _purpose);
        return WebEncoders.Base64UrlEncode(token);
    }

    /// <summary>The id, or null for a token that is malformed, altered, made for another purpose, or expired.</summary>
    public Guid? Read(string token, DateTime nowUtc)
    {
        byte[] raw;
        try
        {
            raw = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return null;
        }
        if (raw.Length != 12 + 25 + 16)
        {
            return null;
        }
        var plain = new byte[25];
        try
        {
            using var aes = new AesGcm(_key, 16);
            aes.Decrypt(raw.AsSpan(0, 12), raw.AsSpan(12, 25), raw.AsSpan(37), plain, _purpose);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(plain.AsSpan(17))).UtcDateTime;
        return plain[0] == FormatVersion && nowUtc < expires ? new Guid(plain.AsSpan(1, 16)) : null;
    }
}
