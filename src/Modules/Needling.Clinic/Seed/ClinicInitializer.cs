using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.Clinic.Staff;
using Needling.Contracts.Demo;
using Needling.SharedKernel.Modules;
using Needling.SharedKernel.Security;

namespace Needling.Clinic.Seed;

internal sealed class ClinicInitializer(ClinicDbContext db, IPasswordHasher<StaffAccount> hasher) : ModuleInitializer<ClinicDbContext>(db)
{
    public const string DemoPassword = "demo-password-1";

    public override int Order => 0;

    public override async Task SeedAsync(bool demo, CancellationToken ct)
    {
        if (!await Db.Clinics.AnyAsync(ct))
        {
            Db.Clinics.Add(DefaultClinic(demo));
        }
        if (!await Db.Treatments.AnyAsync(ct))
        {
            Db.Treatments.AddRange(DefaultTreatments());
        }
        await Db.SaveChangesAsync(ct);
        if (demo && !await Db.Practitioners.AnyAsync(ct))
        {
            await SeedDemoAsync(ct);
        }
    }

    // Weekday 09:00-18:00 is a starting point (clinic policy, P); the Admin sets the real hours.
    private static ClinicSettings DefaultClinic(bool demo) => new()
    {
        Name = demo ? "Demo Skin & Needling Clinic" : "My clinic",
        TimeZoneId = demo ? "Europe/London" : "UTC",
        Phone = demo ? "+44 20 7946 0000" : null,
        OpeningHours = Enum.GetValues<DayOfWeek>()
            .Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => new OpeningHours { Day = d, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(18, 0) })
            .ToList(),
    };

    // Codes match shared/clinical-defaults.md "Treatments"; durations are clinic policy (P) for the Admin to change.
    private static IEnumerable<Treatment> DefaultTreatments() =>
    [
        new() { Code = "MN-PEN", Name = "Microneedling, automated pen", DurationMinutes = 60, DeviceKind = "microneedling-pen" },
        new() { Code = "MN-ROLLER", Name = "Microneedling, derma roller", DurationMinutes = 45, DeviceKind = "derma-roller" },
        new() { Code = "DRY-NEEDLING", Name = "Dry needling", DurationMinutes = 30, DeviceKind = "dry-needling-kit" },
        // Blocked until the Admin records the product's regulatory clearance (clinical-defaults.md, contraindications).
        new() { Code = "UC-MSC", Name = "Umbilical-cord stem-cell micro-injection", DurationMinutes = 60, DeviceKind = "injection-kit", RequiresRegulatoryClearance = true },
    ];

    private async Task SeedDemoAsync(CancellationToken ct)
    {
        var doctor = new Practitioner
        {
            Id = DemoRecords.DrTanaka,
            DisplayName = "Dr Aiko Tanaka", Profession = "Physician", LicenceNumber = "GMC-0000001",
            LicenceExpiresOn = new DateOnly(2030, 12, 31),
            Qualifications = [new() { Code = "physician" }, new() { Code = "microneedling-device-training" }],
        };
        var physio = new Practitioner
        {
            DisplayName = "Sam Okafor", Profession = "Physiotherapist", LicenceNumber = "HCPC-PH000002",
            LicenceExpiresOn = new DateOnly(2029, 6, 30),
            Qualifications = [new() { Code = "dry-needling-certification" }, new() { Code = "facial-anatomy-training" }],
        };
        var aesthetician = new Practitioner
        {
            DisplayName = "Nok Srisuk", Profession = "Licensed aesthetician", LicenceNumber = "AES-000003",
            LicenceExpiresOn = new DateOnly(2028, 3, 31),
            Qualifications = [new() { Code = "microneedling-device-training", ExpiresOn = new DateOnly(2027, 12, 31) }],
        };
        Db.Practitioners.AddRange(doctor, physio, aesthetician);
        Db.Rooms.AddRange(new Room { Id = DemoRecords.Room1, Name = "Room 1" }, new Room { Name = "Room 2" });
        Db.Devices.AddRange(
            new Device { Id = DemoRecords.Dermapen, Name = "Dermapen 4", Kind = "microneedling-pen", Serial = "DP4-DEMO-0001" },
            new Device { Name = "Derma roller 0.5 mm", Kind = "derma-roller", Serial = "DR-DEMO-0001" },
            new Device { Name = "Dry needling kit", Kind = "dry-needling-kit", Serial = "DN-DEMO-0001" });
        await Db.SaveChangesAsync(ct);
        // The four demo accounts share one published password. Hashing it is deliberately slow (PBKDF2, about
        // 60 ms of CPU each), so it is hashed once and the four accounts store the same hash: a demo clinic's
        // start-up is 0.2 s shorter, and a shared salt gives away nothing about a password that is in the README.
        var once = new HashOnce(hasher);
        await StaffAccounts.CreateAsync(Db, once, "admin", "Demo Admin", DemoPassword, [Roles.Admin], null, ct);
        await StaffAccounts.CreateAsync(Db, once, "reception", "Demo Receptionist", DemoPassword, [Roles.Receptionist], null, ct);
        await StaffAccounts.CreateAsync(Db, once, "tanaka", "Dr Aiko Tanaka", DemoPassword, [Roles.Practitioner], doctor.Id, ct);
        await StaffAccounts.CreateAsync(Db, once, "okafor", "Sam Okafor", DemoPassword, [Roles.Practitioner], physio.Id, ct);
    }

    /// <summary>Hashes the first password it is given and hands out that hash for the same password again.</summary>
    private sealed class HashOnce(IPasswordHasher<StaffAccount> inner) : IPasswordHasher<StaffAccount>
    {
        private (string Password, string Hash)? _last;

        public string HashPassword(StaffAccount user, string password)
        {
            if (_last is not { } last || last.Password != password)
            {
                last = (password, inner.HashPassword(user, password));
                _last = last;
            }
            return last.Hash;
        }

        public PasswordVerificationResult VerifyHashedPassword(StaffAccount user, string hashedPassword, string providedPassword) =>
            inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
