using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace ProfileHub.GraphQL.Execution;

/// <summary>
/// The default resolver (graphql-js defaultFieldResolver): a dictionary entry, a JSON property, or a public
/// property or field of the same name (case-insensitive), read through a compiled, cached accessor.
/// </summary>
internal static class DefaultResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>> Accessors = new();

    public static object? Resolve(object? source, string fieldName) => source switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> map => map.GetValueOrDefault(fieldName),
        IDictionary<string, object?> map => map.TryGetValue(fieldName, out var value) ? value : null,
        JsonElement { ValueKind: JsonValueKind.Object } json => json.TryGetProperty(fieldName, out var property) ? property : null,
        _ => Accessors.GetOrAdd((source.GetType(), fieldName), static key => CreateAccessor(key.Item1, key.Item2))(source),
    };

    private static Func<object, object?> CreateAccessor(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        var member = (MemberInfo?)type.GetProperty(name, flags) ?? type.GetField(name, flags);
        if (member is PropertyInfo { GetMethod: null } || member is PropertyInfo { } indexed && indexed.GetIndexParameters().Length > 0)
        {
            member = null;
        }
        if (member is null)
        {
            return static _ => null;
        }
        var parameter = Expression.Parameter(typeof(object), "source");
        var access = Expression.MakeMemberAccess(Expression.Convert(parameter, type), member);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(access, typeof(object)), parameter).Compile();
    }
}
