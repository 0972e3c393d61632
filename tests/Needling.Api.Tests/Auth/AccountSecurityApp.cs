using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Auth;

/// <summary>
/// The service with EF Core's command log on (to count the queries behind a request) and a lockout that is not the
/// default one (3 failed sign-ins, 10 minutes), so the tests show that both settings are read.
/// </summary>
public abstract class AccountSecurityApp(Provider provider) : AppFixture(provider)
{
    public const int LockoutFailures = 3;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(10);

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
        [("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information"),
         ("Auth:LockoutAfterFailedSignIns", LockoutFailures.ToString()), ("Auth:LockoutMinutes", LockoutTime.TotalMinutes.ToString())];

    /// <summary>Queries of the staff-accounts table logged so far, by every instance of this fixture.</summary>
    public int StaffAccountQueries() =>
        Logs.Lines.Count(l => l.Contains("Executed DbCommand", StringComparison.Ordinal) && l.Contains("staff_accounts", StringComparison.Ordinal));
}

public sealed class AccountSecurityAppOnSqlite() : AccountSecurityApp(Provider.Sqlite);

public sealed class AccountSecurityAppOnPostgres() : AccountSecurityApp(Provider.PostgreSql);
