using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Hosting;

namespace Needling.Clinic.Devices;

internal static class Devices
{
    /// <param name="MaintenanceDueOn">The last day the device may be used before its maintenance. Omitted on a change: unchanged.</param>
    internal sealed record Request(string Name, string Kind, string Serial, bool Active = true, DateOnly? MaintenanceDueOn = null);

    internal sealed record DeviceDto(Guid Id, string Name, string Kind, string Serial, bool Active, DateOnly? MaintenanceDueOn, int Version) : IVersionedResource
    {
        public static DeviceDto From(Device d) => new(d.Id, d.Name, d.Kind, d.Serial, d.Active, d.MaintenanceDueOn, d.Version);
    }

    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder admin)
    {
        staff.MapGet("/devices", async (ClinicDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Devices.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct)).Select(DeviceDto.From).ToList()))
            .WithSummary("List devices; each one's version, in quotes, is its ETag for If-Match.");

        admin.MapPost("/devices", async (Request r, ClinicDbContext db, CancellationToken ct) =>
        {
            var device = new Device();
            await ApplyAsync(r, device, db, ct);
            db.Devices.Add(device);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/devices/{device.Id}", DeviceDto.From(device));
        }).WithSummary("Register a device with its kind, serial number and maintenance due date (Admin). A booking after that date is refused (device.maintenance-overdue).")
            .AnswersETag(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapPut("/devices/{id:guid}", async (Guid id, Request r, HttpContext http, ClinicDbContext db, CancellationToken ct) =>
        {
            var device = await db.Devices.FindAsync([id], ct) ?? throw new NotFoundException("Device", id);
            http.EnsureMatches(db, device, "device");
            await ApplyAsync(r, device, db, ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(DeviceDto.From(device));
        }).WithSummary("Change a device or take it out of use (Admin; If-Match: its ETag).")
            .RequiresIfMatch()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task ApplyAsync(Request r, Device device, ClinicDbContext db, CancellationToken ct)
    {
        new Validator()
            .NotBlank(r.Name, "name", 100)
            .OneOf(r.Kind, Device.Kinds, "kind")
            .NotBlank(r.Serial, "serial", 100)
            .ThrowIfUnprocessable();
        var serial = r.Serial.Trim();
        if (await db.Devices.AnyAsync(d => d.Kind == r.Kind && d.Serial == serial && d.Id != device.Id, ct))
        {
            throw new ConflictException($"A {r.Kind} with serial '{serial}' is registered already.");
        }
        device.Name = r.Name.Trim();
        device.Kind = r.Kind;
        device.Serial = serial;
        device.Active = r.Active;
        if (r.MaintenanceDueOn is not null)
        {
            device.MaintenanceDueOn = r.MaintenanceDueOn;
        }
    }
}
