using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Security;

namespace Needling.Clinic.Auth;

/// <summary>POST /auth/token: a staff member signs in with username and password and gets a bearer token.</summary>
internal static class IssueToken
{
    internal sealed record Request(string Username, string Password);

    internal sealed record Response(string AccessToken, string TokenType, DateTime ExpiresAtUtc, IReadOnlyList<string> Roles);

    private static readonly StaffAccount Unknown = new();
    private static readonly Lazy<string> UnknownHash = new(() => new PasswordHasher<StaffAccount>().HashPassword(Unknown, Guid.NewGuid().ToString()));

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/auth/token", Handle)
            .AllowAnonymous()
            .RequireRateLimiting("sign-in")
            .WithTags("Sign-in")
            .WithSummary("Sign in with a staff account and get a bearer token (JWT).");

    private static async Task<Response> Handle(
        Request request, ClinicDbContext db, IPasswordHasher<StaffAccount> hasher, TokenSettings settings, SignInLockout lockout,
        TimeProvider clock, ILogger<SignInLockout> log, CancellationToken ct)
    {
        if (!settings.LocalSignInEnabled)
        {
            throw new RuleViolationException("auth.external-issuer", "This clinic signs staff in through its identity provider; local sign-in is switched off.");
        }
        new Validator().NotBlank(request.Username, "username", 100).NotBlank(request.Password, "password", 200).ThrowIfInvalid();
        var account = await db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Username == request.Username.Trim(), ct);
        // One answer for an unknown user, a wrong password, a disabled and a locked account: do not reveal which.
        // A locked account answers so even to the right password, or the lockout would tell a guesser when they hit it.
        if (account is null)
        {
            // The same work as a wrong password (one hash verification), so the time taken does not tell either.
            hasher.VerifyHashedPassword(Unknown, UnknownHash.Value, request.Password);
            throw new SignInFailedException();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var passwordRight = hasher.VerifyHashedPassword(account, account.PasswordHash, request.Password) != PasswordVerificationResult.Failed;
        if (!account.Active || account.IsLockedAt(now))
        {
            throw new SignInFailedException();
        }
        if (!passwordRight)
        {
            if (await lockout.RecordFailureAsync(db, account.Id, account.FailedSignIns, now))
            {
                log.LogWarning("Staff account {AccountId} locked for {Minutes} min after {Failures} failed sign-ins",
                    account.Id, lockout.Duration.TotalMinutes, lockout.MaxFailedSignIns);
            }
            throw new SignInFailedException();
        }
        if (account.FailedSignIns > 0)
        {
            await SignInLockout.ResetAsync(db, account.Id, ct);
        }
        var expires = now + settings.Lifetime;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, account.Id.ToString()),
            new(TokenClaims.Name, account.DisplayName),
            new("preferred_username", account.Username),
            new(TokenClaims.SecurityStamp, account.SecurityStamp.ToString()),
        };
        claims.AddRange(account.RoleList().Select(r => new Claim(TokenClaims.Role, r)));
        if (account.Auditor)
        {
            claims.Add(new Claim(TokenClaims.Auditor, "true"));
        }
        if (account.PractitionerId is { } practitionerId)
        {
            claims.Add(new Claim(TokenClaims.PractitionerId, practitionerId.ToString()));
        }
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(settings.SigningKey), SecurityAlgorithms.HmacSha256),
        });
        return new Response(token, "Bearer", expires, account.RoleList());
    }
}

internal sealed class SignInFailedException() : NeedlingException("Sign-in failed", "The username or password is wrong, or the account is disabled or locked after repeated failed sign-ins.")
{
    public override int StatusCode => 401;
}
