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

    public static Func<object, object?> AccessorFor(Type type, string fieldName)
    {
        if (typeof(IReadOnlyDictionary<string, object?>).IsAssignableFrom(type))
        {
            return source => ((IReadOnlyDictionary<string, object?>)source).GetValueOrDefault(fieldName);
        }
        if (typeof(IDictionary<string, object?>).IsAssignableFrom(type))
        {
            return source => ((IDictionary<string, object?>)source).TryGetValue(fieldName, out var value) ? value : null;
        }
        if (type == typeof(JsonElement))
        {
            return source => source is JsonElement { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(fieldName, out var property) ? property : null;
        }
        return Accessors.GetOrAdd((type, fieldName), static key => CreateAccessor(key.Item1, key.Item2));
    }

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
        // Booleans and small ints come from shared boxes: a list of a thousand objects would box each one.
        Expression boxed = access.Type == typeof(bool) ? Expression.Condition(access, Expression.Constant(True, typeof(object)), Expression.Constant(False, typeof(object)))
            : access.Type == typeof(int) ? Expression.Call(typeof(DefaultResolver).GetMethod(nameof(BoxInt), BindingFlags.NonPublic | BindingFlags.Static)!, access)
            : Expression.Convert(access, typeof(object));
        return Expression.Lambda<Func<object, object?>>(boxed, parameter).Compile();
    }

    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] SmallInts = Enumerable.Range(-128, 1152).Select(i => (object)i).ToArray();

    private static object BoxInt(int value) => (uint)(value + 128) < (uint)SmallInts.Length ? SmallInts[value + 128] : value;
}
