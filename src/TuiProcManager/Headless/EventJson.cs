using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TuiProcManager.Core.Events;

namespace TuiProcManager.Headless;

/// <summary>
/// How events look as JSON: <c>{"type":"output","sequence":7,"time":"…","worker":1,"channel":"stdout","text":"Square: 100","number":1}</c>.
/// </summary>
/// <remarks>
/// Polymorphism is declared here rather than with attributes on Core's events, so that Core stays free
/// of serialization concerns. The default encoder writes ASCII only (everything else escaped), so a
/// JSON Lines file is safe to <c>cat</c> to a terminal whatever the workers printed.
/// </remarks>
internal static class EventJson
{
    /// <summary>The <c>type</c> of each event in the file.</summary>
    public static IReadOnlyList<(Type Type, string Name)> Types { get; } =
    [
        (typeof(SupervisorSnapshot), "snapshot"),
        (typeof(WorkerSpawned), "spawned"),
        (typeof(OutputLine), "output"),
        (typeof(WorkerStateChanged), "stateChanged"),
        (typeof(SignalSent), "signalSent"),
        (typeof(ResourceSampled), "resourceSampled"),
        (typeof(DescendantStateChanged), "descendantStateChanged"),
        (typeof(ProcessLeftBehind), "processLeftBehind"),
        (typeof(MachineSampled), "machineSampled"),
        (typeof(WorkerEnded), "ended"),
        (typeof(JoinStarted), "joinStarted"),
        (typeof(WorkerJoined), "joined"),
        (typeof(EventsDropped), "eventsDropped"),
        (typeof(SchedulingChanged), "schedulingChanged"),
        (typeof(WorkerScheduled), "scheduled"),
        (typeof(PoolStarted), "poolStarted"),
        (typeof(PoolTaskAssigned), "poolTaskAssigned"),
        (typeof(ResultRecorded), "result"),
        (typeof(PoolWorkerReplaced), "poolWorkerReplaced"),
        (typeof(PoolFinished), "poolFinished"),
    ];

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        JsonSerializerOptions options = new(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DeclareEventTypes } },
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new WorkerIdJsonConverter());
        options.Converters.Add(new PoolIdJsonConverter());
        options.Converters.Add(new WorkerSpecJsonConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void DeclareEventTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(SupervisorEvent))
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach ((Type type, string name) in Types)
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
        }
    }
}
