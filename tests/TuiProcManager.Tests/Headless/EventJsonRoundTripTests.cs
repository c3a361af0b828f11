using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Headless;

namespace TuiProcManager.Tests.Headless;

/// <summary>
/// Every event type goes through the source-generated context and back unchanged. The options have no
/// reflection fallback (as in the NativeAOT build, where it is off), so a type missing from
/// <see cref="EventJsonContext"/> fails here on the JIT build too.
/// </summary>
public sealed class EventJsonRoundTripTests
{
    public static TheoryData<string> EventNames() => [.. EventJson.Types.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(EventNames))]
    public void EachEvent_WithEveryPropertySet_RoundTripsThroughTheGeneratedContext(string name)
    {
        Type type = EventJson.Types.Single(t => t.Name == name).Type;
        SupervisorEvent sample = (SupervisorEvent)Sample.Of(type);

        string json = JsonSerializer.Serialize(sample, EventJson.Event);
        SupervisorEvent? back = JsonSerializer.Deserialize(json, EventJson.Event);

        Assert.NotNull(back);
        Assert.IsType(type, back);
        Assert.Equal(json, JsonSerializer.Serialize(back, EventJson.Event));
        Assert.StartsWith($"{{\"type\":\"{name}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEnumInAnEvent_IsWrittenAsItsCamelCaseName()
    {
        HashSet<Type> enums = [];
        foreach ((Type type, _) in EventJson.Types)
        {
            Sample.CollectEnums(type, enums, []);
        }

        Assert.NotEmpty(enums);
        foreach (Type e in enums)
        {
            object value = Enum.GetValues(e).GetValue(Enum.GetValues(e).Length - 1)!;
            string json = JsonSerializer.Serialize(value, EventJson.Options.GetTypeInfo(e));
            string expected = JsonNamingPolicy.CamelCase.ConvertName(value.ToString()!);
            Assert.True(json == $"\"{expected}\"", $"{e.Name}.{value} is written {json}, not \"{expected}\"");
        }
    }

    [Fact]
    public void ATypeOutsideTheContext_IsRefused_NotReflectedOver()
    {
        // What makes the round trips above mean something: with reflection on, any type would serialize.
        Assert.Throws<NotSupportedException>(() => EventJson.Options.GetTypeInfo(typeof(Uri)));
    }

    [Fact]
    public void TheEventsOptions_ResolveFromTheGeneratedContextOnly()
    {
        JsonTypeInfo info = EventJson.Options.GetTypeInfo(typeof(SupervisorEvent));

        Assert.NotNull(info.PolymorphismOptions);
        Assert.Equal(EventJson.Types.Count, info.PolymorphismOptions.DerivedTypes.Count);
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault && EventJson.Options.TypeInfoResolverChain.Any(r => r is DefaultJsonTypeInfoResolver));
    }

    /// <summary>Instances with every constructor parameter set to a value that is not its default.</summary>
    internal static class Sample
    {
        private static readonly DateTimeOffset When = new(2026, 12, 5, 9, 36, 27, 863, TimeSpan.Zero);

        public static object Of(Type type) => type switch
        {
            _ when type == typeof(string) => "text \"quoted\" é ✓",
            _ when type == typeof(int) => 7,
            _ when type == typeof(long) => 8L,
            _ when type == typeof(double) => 1.5,
            _ when type == typeof(bool) => true,
            _ when type == typeof(DateTimeOffset) => When,
            _ when type == typeof(TimeSpan) => TimeSpan.FromMilliseconds(1500),
            _ when type == typeof(WorkerId) => new WorkerId(3),
            _ when type == typeof(PoolId) => new PoolId(2),
            _ when type == typeof(WorkerSpec) => WorkerSpec.Square("10", new Workload(2, 30, 40)),
            _ when type == typeof(WorkerExit) => WorkerExit.Signaled(9, "SIGKILL"),
            _ when type.IsEnum => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)!,
            _ when Nullable.GetUnderlyingType(type) is { } inner => Of(inner),
            _ when type.IsArray => OneOf(type.GetElementType()!, type),
            _ when type.IsGenericType && ElementOf(type) is { } element => OneOf(element, type),
            _ => Record(type),
        };

        public static void CollectEnums(Type type, HashSet<Type> found, HashSet<Type> seen)
        {
            if (!seen.Add(type))
            {
                return;
            }

            Type t = Nullable.GetUnderlyingType(type) ?? type;
            if (t.IsEnum)
            {
                found.Add(t);
                return;
            }

            if (t.IsArray || (t.IsGenericType && ElementOf(t) is not null))
            {
                CollectEnums(t.IsArray ? t.GetElementType()! : ElementOf(t)!, found, seen);
                return;
            }

            if (t.Namespace?.StartsWith("TuiProcManager", StringComparison.Ordinal) == true)
            {
                foreach (PropertyInfo p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    CollectEnums(p.PropertyType, found, seen);
                }
            }
        }

        private static Type? ElementOf(Type type) =>
            type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

        private static object OneOf(Type element, Type collection)
        {
            Array one = Array.CreateInstance(element, 1);
            one.SetValue(Of(element), 0);
            if (collection.IsArray || collection.IsAssignableFrom(one.GetType()))
            {
                return one;
            }

            if (collection.IsGenericType && collection.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            {
                MethodInfo create = typeof(ImmutableArray).GetMethods().Single(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }]);
                return create.MakeGenericMethod(element).Invoke(null, [one])!;
            }

            IList list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(one.GetValue(0));
            return list;
        }

        private static object Record(Type type)
        {
            ConstructorInfo constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
                ?? throw new InvalidOperationException($"no public constructor to make a sample {type.Name}");
            return constructor.Invoke([.. constructor.GetParameters().Select(p => Of(p.ParameterType))]);
        }
    }
}
