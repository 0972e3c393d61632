namespace Needling.Clinic.Integration;

/// <summary>
/// The cache region for everything the other modules ask of the clinic (profile, calendar, practitioners,
/// rooms, devices, treatments): asked on every booking, changed only by an Admin.
/// </summary>
internal static class ClinicCache
{
    public const string Region = "clinic";
}
