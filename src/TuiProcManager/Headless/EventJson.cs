using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Sessions;

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
        (typeof(WorkerOutputHeld), "outputHeld"),
        (typeof(SchedulingChanged), "schedulingChanged"),
        (typeof(WorkerScheduled), "scheduled"),
        (typeof(PoolStarted), "poolStarted"),
        (typeof(PoolTaskAssigned), "poolTaskAssigned"),
        (typeof(ResultRecorded), "result"),
        (typeof(PoolWorkerReplaced), "poolWorkerReplaced"),
        (typeof(PoolFinished), "poolFinished"),
    ];

    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Any event, written with its <c>type</c> (after <see cref="Options"/>: static initialisers run in order).</summary>
    public static JsonTypeInfo<SupervisorEvent> Event { get; } = Info<SupervisorEvent>();

    /// <summary>The <c>type</c> of a lab record's line: an answer or a hint (not a supervisor event).</summary>
    public static string LabRecordType(LabRecordKind kind) => kind == LabRecordKind.Answer ? "labAnswer" : "labHint";

    /// <summary>Writes <c>{"type":"labAnswer","time":"…","lab":"1","step":"exitcode","answer":"0"}</c>.</summary>
    public static void WriteLabRecord(Utf8JsonWriter json, LabRecord record)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(record);
        json.WriteStartObject();
        json.WriteString("type", LabRecordType(record.Kind));
        json.WriteString("time", record.Time);
        json.WriteString("lab", record.Lab);
        json.WriteString("step", record.Step);
        if (record.Answer is { } answer)
        {
            json.WriteString("answer", answer);
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// Writes an <see cref="OutputLine"/> exactly as <see cref="JsonSerializer"/> does with <see cref="Options"/>
    /// (the same properties, order, escaping and time format), by hand: the serializer's polymorphic path
    /// cost about 5 µs an event here, which made an events file the slowest consumer of a flood by far.
    /// </summary>
    public static void WriteOutputLine(Utf8JsonWriter json, OutputLine line)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(line);
        json.WriteStartObject();
        json.WriteString(TypeName, "output");
        json.WriteString(ChannelName, line.Channel switch
        {
            Core.Os.OutputChannel.Stdout => "stdout",
            Core.Os.OutputChannel.Stderr => "stderr",
            _ => "results",
        });
        json.WriteString(TextName, line.Text);
        json.WriteNumber(NumberName, line.Number);
        json.WriteNumber(WorkerName, line.Worker.Value);
        json.WriteNumber(SequenceName, line.Sequence);
        json.WriteString(TimeName, line.Time);
        json.WriteEndObject();
    }

    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText ChannelName = JsonEncodedText.Encode("channel");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText NumberName = JsonEncodedText.Encode("number");
    private static readonly JsonEncodedText WorkerName = JsonEncodedText.Encode("worker");
    private static readonly JsonEncodedText SequenceName = JsonEncodedText.Encode("sequence");
    private static readonly JsonEncodedText TimeName = JsonEncodedText.Encode("time");

    private static JsonSerializerOptions Create()
    {
        JsonSerializerOptions options = new(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = EventJsonContext.Default.WithAddedModifier(DeclareEventTypes),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        // The generic enum converter: the non-generic one makes its converters with reflection at run time.
        options.Converters.Add(new JsonStringEnumConverter<WorkerState>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<WorkerKind>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<ExitKind>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<OutputChannel>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<OutputFileKind>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<OsProcessState>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<ProcessSignal>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<SignalCause>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<JoinOutcome>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<SchedulingMode>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<SlotChange>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new WorkerIdJsonConverter());
        options.Converters.Add(new PoolIdJsonConverter());
        options.Converters.Add(new WorkerSpecJsonConverter());
        options.Converters.Add(new WorkerExitJsonConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The generated metadata of <typeparamref name="T"/> under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

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
