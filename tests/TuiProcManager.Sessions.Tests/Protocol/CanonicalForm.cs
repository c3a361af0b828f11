using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace TuiProcManager.Sessions.Tests.Protocol;

/// <summary>
/// A value written out structurally, so that two values compare by content: a record that holds an
/// <see cref="ImmutableArray{T}"/> compares the array by reference, so <c>==</c> on two equal events says
/// false. Every public property is written (sorted by name), lists item by item, times with their offset,
/// doubles to the last bit, the runtime type of every object.
/// </summary>
internal static class CanonicalForm
{
    private const int MaxDepth = 16;

    /// <summary>The canonical text of <paramref name="value"/>.</summary>
    public static string Of(object? value)
    {
        StringBuilder text = new();
        Write(text, value, 0);
        return text.ToString();
    }

    /// <summary>Calls <paramref name="visit"/> for every object reached from <paramref name="value"/> that has properties, itself included.</summary>
    public static void Walk(object? value, Action<object> visit) => Walk(value, visit, 0);

    private static void Write(StringBuilder text, object? value, int depth)
    {
        Assert.True(depth < MaxDepth, "the value nests too deep for a canonical form");
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                return;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset t:
                text.Append(t.ToString("O", CultureInfo.InvariantCulture));
                return;
            case TimeSpan span:
                text.Append(span.Ticks.ToString(CultureInfo.InvariantCulture)).Append(" ticks");
                return;
            case Enum e:
                text.Append(e.GetType().Name).Append('.').Append(e.ToString());
                return;
            case bool or int or long:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
        }

        if (IsDefaultImmutableArray(value))
        {
            text.Append("default[]");
            return;
        }

        if (value is IEnumerable items)
        {
            text.Append('[');
            string separator = "";
            foreach (object? item in items)
            {
                text.Append(separator);
                Write(text, item, depth + 1);
                separator = ", ";
            }

            text.Append(']');
            return;
        }

        text.Append(value.GetType().Name).Append(" { ");
        foreach (PropertyInfo property in Properties(value.GetType()))
        {
            text.Append(property.Name).Append(" = ");
            Write(text, property.GetValue(value), depth + 1);
            text.Append("; ");
        }

        text.Append('}');
    }

    private static void Walk(object? value, Action<object> visit, int depth)
    {
        Assert.True(depth < MaxDepth, "the value nests too deep for a canonical form");
        if (value is null or string or double or DateTimeOffset or TimeSpan or Enum or bool or int or long || IsDefaultImmutableArray(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (object? item in items)
            {
                Walk(item, visit, depth + 1);
            }

            return;
        }

        visit(value);
        foreach (PropertyInfo property in Properties(value.GetType()))
        {
            Walk(property.GetValue(value), visit, depth + 1);
        }
    }

    /// <summary>The public instance properties of <paramref name="type"/>, by name (indexers left out).</summary>
    public static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal);

    private static bool IsDefaultImmutableArray(object value) =>
        value.GetType() is { IsGenericType: true } type &&
        type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) &&
        (bool)type.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(value)!;
}
