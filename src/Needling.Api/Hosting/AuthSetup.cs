using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using Needling.SharedKernel.Data;
using Needling.SharedKernel.Security;

namespace Needling.Api.Hosting;

/// <summary>
/// Staff sign in with our own tokens (HMAC-signed JWTs), or, when Auth:Authority is set, with tokens from
/// the clinic's OpenID Connect provider instead. Every endpoint needs a signed-in user unless it says otherwise.
/// </summary>
internal static class AuthSetup
{
    public static IServiceCollection AddNeedlingAuth(this IServiceCollection services, IConfiguration config)
    {
        var auth = config.GetSection("Auth");
        var authority = auth["Authority"];
        var external = !string.IsNullOrWhiteSpace(authority);
        var settings = new TokenSettings(
            auth["Issuer"] ?? "needling",
            auth["Audience"] ?? "needling-api",
            external ? [] : SigningKey(auth["SigningKey"], config),
            TimeSpan.FromMinutes(auth.GetValue<int?>("TokenLifetimeMinutes") ?? 480),
            LocalSignInEnabled: !external);
        services.AddSingleton(settings);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            if (external)
            {
                o.Authority = authority;
                o.Audience = settings.Audience;
                o.RequireHttpsMetadata = auth.GetValue("RequireHttpsMetadata", true);
            }
            else
            {
                // Our own tokens carry their account's security stamp; a disabled or changed account's are refused at once.
                // Tokens of an external issuer are not checked so: their subjects are the identity provider's users, which
                // map to no local account (local accounts are not used while it is trusted), and roles come from the
                // provider. Ending such a user's access is the provider's job: disable them there, and keep its access
                // tokens short-lived (minutes), since a token already issued stays valid until it expires.
                o.Events = new JwtBearerEvents { OnTokenValidated = TokenRevocation.RefuseRevokedAsync };
            }
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = external ? authority : settings.Issuer,
                ValidateAudience = true,
                ValidAudience = settings.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromMinutes(1),
                IssuerSigningKey = external ? null : new SymmetricSecurityKey(settings.SigningKey),
                NameClaimType = TokenClaims.Name,
                // Identity providers name the roles claim differently (Entra: "roles", Keycloak: mapped); configurable.
                RoleClaimType = external ? auth["RoleClaim"] ?? "roles" : TokenClaims.Role,
            };
        });
        // Token lifetimes are judged by the injected clock, like every other time in the service. A validator of our
        // own replaces the library's checks, RequireExpirationTime's included: a token without `exp`, which would
        // never end, is refused here (from our issuer and an external one alike).
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((o, clock) =>
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, p) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } end && now <= end + p.ClockSkew && (notBefore is null || notBefore.Value - p.ClockSkew <= now);
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        var permitPerMinute = config.GetValue<int?>("Auth:SignInAttemptsPerMinute") ?? 10;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RateLimitRejection.WriteAsync;
            // Slows password guessing from one address; staff behind one clinic router share the budget.
            o.AddPolicy("sign-in", http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    /// <summary>
    /// The configured key (base64, at least 32 bytes), or one generated on first start and kept in the data
    /// folder. Several instances sharing a server database (PostgreSQL, SQL Server) must be given the same Auth:SigningKey.
    /// </summary>
    private static byte[] SigningKey(string? configured, IConfiguration config)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = Convert.FromBase64String(configured);
            return key.Length >= 32 ? key : throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
        }
        var folder = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.DataFolder ?? "data";
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "token-signing.key");
        if (!File.Exists(path))
        {
            var fresh = RandomNumberGenerator.GetBytes(64);
            File.WriteAllText(path, Convert.ToBase64String(fresh));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
