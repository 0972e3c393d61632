using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Needling.Api.Tests.Support;

namespace Needling.Api.Tests.Caching;

/// <summary>
/// Reference data (rules, rooms, treatments, ...) is cached in memory, but an Admin's change is what the very
/// next booking sees: at once on the instance that saved it.
/// </summary>
public abstract class ReferenceDataFreshnessTests(AppFixture app)
{
    protected AppFixture App => app;

    [Fact]
    public async Task The_next_eligibility_answer_after_a_rule_edit_uses_the_new_rule_set()
    {
        var r = await BookingSetup.Create(app, "Fresh");
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        var before = await RuleSetVersionAsked(desk, r);
        var saved = await EditDryNeedlingIntervalAsync(admin, 8 + before % 5);
        Assert.Equal(saved, await RuleSetVersionAsked(desk, r));
        Assert.True(saved > before);
    }

    [Fact]
    public async Task A_room_taken_out_of_use_cannot_be_booked_the_next_moment()
    {
        var r = await BookingSetup.Create(app, "RoomGone");
        using var admin = await app.As("Admin");
        using var desk = await app.As("Receptionist");
        var start = BookingSetup.NextWeekday(9, weeksAhead: 3, day: DayOfWeek.Wednesday);
        Assert.Equal(HttpStatusCode.Created, (await desk.Book(BookingSetup.Booking(r, start))).StatusCode); // the room is now cached
        (await admin.PutMatchingAsync($"/rooms/{r.Room}", new { name = BookingSetup.Unique("Closed room"), active = false })).EnsureSuccessStatusCode();
        var other = r with { Patient = await desk.RegisterPatient("Next", BookingSetup.Unique("Patient")) };
        var refused = await desk.Book(BookingSetup.Booking(other, start.AddDays(1)));
        await refused.AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("Active room", await refused.Content.ReadAsStringAsync());
    }

    protected static async Task<int> RuleSetVersionAsked(HttpClient desk, BookingSetup.Resources r) =>
        (await desk.PostOk("/eligibility", new
        {
            patientId = r.Patient, treatmentCode = "DRY-NEEDLING", indication = "musculoskeletal", practitionerId = r.Practitioner,
            start = BookingSetup.NextWeekday(10, weeksAhead: 2),
        }, HttpStatusCode.OK)).GetProperty("ruleSetVersion").GetInt32();

    /// <summary>Saves a new rule-set version (a dry-needling interval change, approved when shorter) and returns its number.</summary>
    protected async Task<int> EditDryNeedlingIntervalAsync(HttpClient admin, int days) =>
        await RuleEdits.SetIntervalAsync(app, admin, "proto.dry-needling.musculoskeletal", days);
}

public sealed class ReferenceDataFreshnessTestsOnSqlite(SqliteApp app) : ReferenceDataFreshnessTests(app), IClassFixture<SqliteApp>;

/// <summary>
/// On a server database several instances share it; each keeps its own cache, and a change saved on one reaches the
/// others within moments: through the database's notification channel on PostgreSQL (LISTEN/NOTIFY), through the
/// version table each instance reads every second on SQL Server.
/// </summary>
public abstract class ReferenceDataFreshnessAcrossInstancesTests(AppFixture app) : ReferenceDataFreshnessTests(app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_rule_edit_on_one_instance_is_used_by_another_within_moments()
    {
        await using var second = App.AnotherInstance();
        var r = await BookingSetup.Create(App, "Replica");
        using var admin = await App.As("Admin");
        using var deskOnSecond = await App.As("Receptionist", second);
        var before = await RuleSetVersionAsked(deskOnSecond, r); // cached on the second instance now
        Assert.Equal(before, await RuleSetVersionAsked(deskOnSecond, r));

        var saved = await EditDryNeedlingIntervalAsync(admin, 9 + before % 4);
        Assert.True(await Eventually(async () => await RuleSetVersionAsked(deskOnSecond, r) == saved),
            $"the second instance still answered with rule set {before} {Patience.TotalSeconds} s after version {saved} was saved");
    }

    [Fact]
    public async Task A_room_taken_out_of_use_on_one_instance_cannot_be_booked_on_another()
    {
        await using var second = App.AnotherInstance();
        var r = await BookingSetup.Create(App, "ReplicaRoom");
        using var admin = await App.As("Admin");
        using var deskOnSecond = await App.As("Receptionist", second);
        var start = BookingSetup.NextWeekday(11, weeksAhead: 3, day: DayOfWeek.Thursday);
        Assert.Equal(HttpStatusCode.Created, (await deskOnSecond.Book(BookingSetup.Booking(r, start))).StatusCode);

        (await admin.PutMatchingAsync($"/rooms/{r.Room}", new { name = BookingSetup.Unique("Closed room"), active = false })).EnsureSuccessStatusCode();
        var day = 0;
        Assert.True(await Eventually(async () =>
        {
            var other = r with { Patient = await deskOnSecond.RegisterPatient("Next", BookingSetup.Unique("Patient")) };
            var response = await deskOnSecond.Book(BookingSetup.Booking(other, start.AddDays(++day * 7)));
            return response.StatusCode == HttpStatusCode.NotFound && (await response.Content.ReadAsStringAsync()).Contains("Active room");
        }), "the second instance still booked the room after it was taken out of use");
    }

    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }
}

public sealed class ReferenceDataFreshnessTestsOnPostgres(PostgresApp app) : ReferenceDataFreshnessAcrossInstancesTests(app), IClassFixture<PostgresApp>;

public sealed class ReferenceDataFreshnessTestsOnSqlServer(SqlServerApp app) : ReferenceDataFreshnessAcrossInstancesTests(app), IClassFixture<SqlServerApp>;
