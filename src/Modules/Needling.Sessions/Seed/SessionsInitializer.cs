using Needling.Sessions.Data;
using Needling.SharedKernel.Modules;

namespace Needling.Sessions.Seed;

/// <summary>Sessions are recorded by practitioners; the demo clinic's history is seeded in <see cref="DemoHistory"/>.</summary>
internal sealed class SessionsInitializer(SessionsDbContext db) : ModuleInitializer<SessionsDbContext>(db)
{
    public override int Order => 40;
}
