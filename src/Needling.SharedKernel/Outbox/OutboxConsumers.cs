namespace Needling.SharedKernel.Outbox;

/// <summary>
/// One consumer of a fact: one INotificationHandler implementation. Its name (the handler's full type name) is
/// what its inbox and its Hangfire jobs record, so renaming a consumer class makes it a new consumer.
/// </summary>
public sealed record OutboxConsumer(Type Notification, Type Handler)
{
    public string Name => Handler.FullName!;
}

/// <summary>Who consumes which fact; built from the handlers the MediatR scan found (and any a test adds).</summary>
public sealed class OutboxConsumers(IEnumerable<OutboxConsumer> all)
{
    private readonly ILookup<Type, OutboxConsumer> _byNotification = all.Distinct().ToLookup(c => c.Notification);

    public IEnumerable<OutboxConsumer> For(Type notification) => _byNotification[notification];

    public OutboxConsumer? Find(Type notification, string name) => For(notification).FirstOrDefault(c => c.Name == name);
}
