using System.Reflection;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Needling.SharedKernel.Outbox;

namespace Needling.SharedKernel.Messaging;

public static class MediatorRegistration
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(IRequestHandler<,>),
        typeof(IRequestHandler<>),
        typeof(INotificationHandler<>),
    ];

    /// <summary>
    /// MediatR 5.1.0 has no DI package here: wire its ServiceFactory to the container and register every
    /// handler found in the given module assemblies (public or internal).
    /// </summary>
    public static IServiceCollection AddMediatorFor(this IServiceCollection services, params Assembly[] assemblies)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.TryAddSingleton<OutboxConsumers>();
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.IsAbstract || type.IsInterface || type.IsGenericTypeDefinition)
            {
                continue;
            }
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddTransient(contract, type);
                if (contract.GetGenericTypeDefinition() == typeof(INotificationHandler<>))
                {
                    // Every notification handler is an outbox consumer: it gets its own Hangfire job per fact.
                    services.AddSingleton(new OutboxConsumer(contract.GetGenericArguments()[0], type));
                }
            }
        }
        return services;
    }
}
