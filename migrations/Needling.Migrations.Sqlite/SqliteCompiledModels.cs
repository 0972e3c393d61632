using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Needling.Aftercare.Data;
using Needling.Booking.Data;
using Needling.Clinic.Data;
using Needling.Consent.Data;
using Needling.Migrations.Sqlite.CompiledModels.Aftercare;
using Needling.Migrations.Sqlite.CompiledModels.Booking;
using Needling.Migrations.Sqlite.CompiledModels.Clinic;
using Needling.Migrations.Sqlite.CompiledModels.Consent;
using Needling.Migrations.Sqlite.CompiledModels.Patients;
using Needling.Migrations.Sqlite.CompiledModels.Protocols;
using Needling.Migrations.Sqlite.CompiledModels.Sessions;
using Needling.Patients.Data;
using Needling.Protocols.Data;
using Needling.Sessions.Data;

namespace Needling.Migrations.Sqlite;

/// <summary>
/// The modules' EF Core models, compiled ahead of time for SQLite (`bash migrations/optimize-sqlite.sh`,
/// generated into CompiledModels/). Building the seven models from OnModelCreating at start-up costs a few
/// hundred milliseconds of CPU on every start. Only for SQLite: the same DbContexts on PostgreSQL have
/// schemas instead of table prefixes and other type mappings, so they keep building their model at start-up.
/// A test (CompiledModelTests) fails when a model changes and these are not regenerated.
/// </summary>
public static class SqliteCompiledModels
{
    /// <summary>Register after the modules' DbContexts, and only when they run on SQLite.</summary>
    public static IServiceCollection AddSqliteCompiledModels(this IServiceCollection services) => services
        .ConfigureDbContext<ClinicDbContext>((_, b) => b.UseModel(ClinicDbContextModel.Instance))
        .ConfigureDbContext<PatientsDbContext>((_, b) => b.UseModel(PatientsDbContextModel.Instance))
        .ConfigureDbContext<ProtocolsDbContext>((_, b) => b.UseModel(ProtocolsDbContextModel.Instance))
        .ConfigureDbContext<BookingDbContext>((_, b) => b.UseModel(BookingDbContextModel.Instance))
        .ConfigureDbContext<ConsentDbContext>((_, b) => b.UseModel(ConsentDbContextModel.Instance))
        .ConfigureDbContext<SessionsDbContext>((_, b) => b.UseModel(SessionsDbContextModel.Instance))
        .ConfigureDbContext<AftercareDbContext>((_, b) => b.UseModel(AftercareDbContextModel.Instance));

    /// <summary>Each module context with its compiled SQLite model, for the test that compares them with the code.</summary>
    public static IReadOnlyDictionary<Type, Func<IModel>> Models { get; } = new Dictionary<Type, Func<IModel>>
    {
        [typeof(ClinicDbContext)] = () => ClinicDbContextModel.Instance,
        [typeof(PatientsDbContext)] = () => PatientsDbContextModel.Instance,
        [typeof(ProtocolsDbContext)] = () => ProtocolsDbContextModel.Instance,
        [typeof(BookingDbContext)] = () => BookingDbContextModel.Instance,
        [typeof(ConsentDbContext)] = () => ConsentDbContextModel.Instance,
        [typeof(SessionsDbContext)] = () => SessionsDbContextModel.Instance,
        [typeof(AftercareDbContext)] = () => AftercareDbContextModel.Instance,
    };
}
