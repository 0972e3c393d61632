using System.Reflection;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

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
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.IsAbstract || type.IsInterface || type.IsGenericTypeDefinition)
            {
                continue;
            }
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddTransient(contract, type);
            }
        }
        return services;
    }
}
