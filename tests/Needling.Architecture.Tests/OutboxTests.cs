using MediatR;
using Needling.Contracts;
using Needling.SharedKernel.Outbox;

namespace Needling.Architecture.Tests;

public sealed class OutboxTests
{
    [Fact]
    public void Every_fact_in_the_contracts_has_a_stable_name_of_its_own()
    {
        var facts = Assemblies.Contracts.GetExportedTypes().Where(t => typeof(INotification).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(facts);
        var names = facts.Select(t => (Type: t, Name: (t.GetCustomAttributes(typeof(EventNameAttribute), false).SingleOrDefault() as EventNameAttribute)?.Name)).ToList();
        Assert.All(names, n => Assert.True(n.Name is not null, $"{n.Type.FullName} has no [EventName]."));
        Assert.Equal(names.Count, names.Select(n => n.Name).Distinct().Count());
    }

    [Fact]
    public void Every_consumer_in_a_module_records_what_it_handled_in_its_inbox()
    {
        var consumers = Assemblies.Modules.SelectMany(m => m.GetTypes())
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INotificationHandler<>)))
            .ToList();
        Assert.NotEmpty(consumers);
        Assert.All(consumers, c => Assert.True(typeof(IOutboxConsumer).IsAssignableFrom(c), $"{c.FullName} should derive from InboxConsumer<,>."));
    }
}
