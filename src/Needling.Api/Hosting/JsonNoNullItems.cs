using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Needling.Api.Hosting;

/// <summary>
/// A null inside a list of a request body (<c>"texts": [null]</c>) is refused with 400 naming the item, for every
/// endpoint. <c>RespectNullableAnnotations</c> covers properties but not the items of a collection, and each handler
/// would otherwise have to guard every list it walks (the fuzz test found two that did not). Lists whose items are
/// declared nullable (<c>IReadOnlyList&lt;string?&gt;</c>) are left alone. Checked once the object holding the list is
/// read, so it works for constructor-bound record properties too; the schema in the API description is unchanged.
/// </summary>
internal static class JsonNoNullItems
{
    public static IJsonTypeInfoResolver AddTo(IJsonTypeInfoResolver? resolver) =>
        (resolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Modify);

    private static void Modify(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var lists = type.Properties.Where(p => p.Get is not null && ItemsMustNotBeNull(p)).Select(p => (p.Name, Get: p.Get!)).ToArray();
        if (lists.Length == 0)
        {
            return;
        }
        var earlier = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var (name, get) in lists)
            {
                if (get(value) is IEnumerable items)
                {
                    var i = 0;
                    foreach (var item in items)
                    {
                        if (item is null)
                        {
                            throw new InputFieldException($"{name}[{i}] must not be null.");
                        }
                        i++;
                    }
                }
            }
        };
    }

    private static bool ItemsMustNotBeNull(JsonPropertyInfo property)
    {
        var type = property.PropertyType;
        // Strings (chars) and dictionaries (key-value pairs) enumerate values, which are never null: left out here.
        var item = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (item is null || item.IsValueType)
        {
            return false; // not a list, or a list of values (int? items are declared nullable)
        }
        var nullability = property.AttributeProvider switch
        {
            PropertyInfo p => new NullabilityInfoContext().Create(p),
            FieldInfo f => new NullabilityInfoContext().Create(f),
            _ => null,
        };
        var itemNullability = type.IsArray ? nullability?.ElementType : nullability?.GenericTypeArguments.FirstOrDefault();
        return itemNullability?.ReadState != NullabilityState.Nullable;
    }
}
