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

namespace Needling.Migrations.SqlServer;

// Used only by the EF tools: `migrations add` (see migrations/README.md) and `migrations script` (tests/run.sh). No
// connection is opened, so neither needs a SQL Server.
internal abstract class Factory<T>(string schema) : IDesignTimeDbContextFactory<T> where T : DbContext
{
    public T CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<T>().UseNeedlingDatabase(DatabaseProvider.SqlServer, "Server=localhost;Database=needling_design;Trusted_Connection=False", schema).Options;
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
