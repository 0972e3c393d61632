using System.Collections.Concurrent;
using System.Reflection;
using MediatR;
using Needling.Contracts;

namespace Needling.SharedKernel.Outbox;

/// <summary>
/// Stable names of facts (<see cref="EventNameAttribute"/>) and the types they map to. The outbox stores the
/// name, so a type can be renamed or moved without stranding the messages already written.
/// </summary>
public static class EventTypes
{
    private static readonly ConcurrentDictionary<string, Type> ByName = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    /// <summary>The stored name of <paramref name="type"/>; a fact without one is refused, so no new row ever carries a type name.</summary>
    public static string NameOf(Type type) => Names.GetOrAdd(type, static t =>
    {
        var name = t.GetCustomAttribute<EventNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{t.FullName} has no [EventName]: give every fact sent through an outbox a stable name.");
        ByName.TryAdd(name, t);
        return name;
    });

    /// <summary>Makes the facts in these assemblies resolvable by name (the host calls it with the contracts).</summary>
    public static void Register(params Assembly[] assemblies)
    {
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => typeof(INotification).IsAssignableFrom(t) && t.IsDefined(typeof(EventNameAttribute), false)))
        {
            NameOf(type);
        }
    }

    /// <summary>
    /// The type stored as <paramref name="stored"/>, or null when nothing here knows it. Rows written before
    /// stable names carry an assembly-qualified type name ("Needling.Contracts.Booking.AppointmentBooked,
    /// Needling.Contracts, Version=..."): those are still resolved, by that type.
    /// </summary>
    public static Type? Resolve(string stored)
    {
        if (ByName.TryGetValue(stored, out var type))
        {
            return type;
        }
        if (!stored.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }
        var legacy = System.Type.GetType(stored, throwOnError: false);
        return legacy is not null && typeof(INotification).IsAssignableFrom(legacy) ? legacy : null;
    }
}
