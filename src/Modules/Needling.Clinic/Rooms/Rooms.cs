using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Needling.Clinic.Data;
using Needling.Clinic.Domain;
using Needling.SharedKernel.Errors;
using Needling.SharedKernel.Concurrency;
using Needling.SharedKernel.Hosting;

namespace Needling.Clinic.Rooms;

internal static class Rooms
{
    internal sealed record Request(string Name, bool Active = true);

    internal sealed record RoomDto(Guid Id, string Name, bool Active, int Version) : IVersionedResource;

    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder admin)
    {
        staff.MapGet("/rooms", async (ClinicDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Rooms.AsNoTracking().OrderBy(r => r.Name).Select(r => new RoomDto(r.Id, r.Name, r.Active, r.Version)).ToListAsync(ct)))
            .WithSummary("List treatment rooms; each one's version, in quotes, is its ETag for If-Match.");

        admin.MapPost("/rooms", async (Request r, ClinicDbContext db, CancellationToken ct) =>
        {
            var room = new Room();
            await ApplyAsync(r, room, db, ct);
            db.Rooms.Add(room);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/rooms/{room.Id}", new RoomDto(room.Id, room.Name, room.Active, room.Version));
        }).WithSummary("Add a treatment room (Admin).")
            .AnswersETag(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapPut("/rooms/{id:guid}", async (Guid id, Request r, HttpContext http, ClinicDbContext db, CancellationToken ct) =>
        {
            var room = await db.Rooms.FindAsync([id], ct) ?? throw new NotFoundException("Room", id);
            http.EnsureMatches(db, room, "room");
            await ApplyAsync(r, room, db, ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new RoomDto(room.Id, room.Name, room.Active, room.Version));
        }).WithSummary("Rename a room or take it out of use (Admin; If-Match: its ETag).")
            .RequiresIfMatch()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task ApplyAsync(Request r, Room room, ClinicDbContext db, CancellationToken ct)
    {
        new Validator().NotBlank(r.Name, "name", 100).ThrowIfUnprocessable();
        var name = r.Name.Trim();
        if (await db.Rooms.AnyAsync(x => x.Name == name && x.Id != room.Id, ct))
        {
            throw new ConflictException($"A room named '{name}' exists already.");
        }
        room.Name = name;
        room.Active = r.Active;
    }
}
