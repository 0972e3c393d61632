using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Needling.Booking.Data;
using Needling.Clinic.Data;
using Needling.Aftercare.Data;
using Needling.Consent.Data;
using Needling.Sessions.Data;
using Needling.Patients.Data;
using Needling.Protocols.Data;
using Needling.SharedKernel.Data;

namespace Needling.Migrations.Sqlite;

// Used only by `dotnet ef migrations add` (see migrations/README.md); no connection is opened.
internal abstract class Factory<T>(string schema) : IDesignTimeDbContextFactory<T> where T : DbContext
{
    public T CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<T>().UseNeedlingDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db", schema).Options;
        return (T)Activator.CreateInstance(typeof(T), options)!;
    }
}

internal sealed class ClinicFactory() : Factory<ClinicDbContext>(ClinicDbContext.Schema);

internal sealed class PatientsFactory() : Factory<PatientsDbContext>(PatientsDbContext.Schema);

internal sealed class ProtocolsFactory() : Factory<ProtocolsDbContext>(ProtocolsDbContext.Schema);

internal sealed class BookingFactory() : Factory<BookingDbContext>(BookingDbContext.Schema);

internal sealed class ConsentFactory() : Factory<ConsentDbContext>(ConsentDbContext.Schema);

internal sealed class SessionsFactory() : Factory<SessionsDbContext>(SessionsDbContext.Schema);

internal sealed class AftercareFactory() : Factory<AftercareDbContext>(AftercareDbContext.Schema);
