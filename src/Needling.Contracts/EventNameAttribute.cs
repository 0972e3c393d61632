namespace Needling.Contracts;

/// <summary>
/// The stable name under which a fact is stored in an outbox and sent to its consumers, e.g.
/// "booking.appointment-booked". It must never change once messages carry it: renaming or moving the
/// record's type is then safe, because nothing stored names the type itself.
/// </summary>
/// <param name="name">module.fact-in-kebab-case</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    /// <summary>The stored name.</summary>
    public string Name { get; } = name;
}
