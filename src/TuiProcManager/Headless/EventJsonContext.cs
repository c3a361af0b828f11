using System.Text.Json;
using System.Text.Json.Serialization;
using TuiProcManager.Core.Events;

namespace TuiProcManager.Headless;

/// <summary>
/// Serialization code for every event type, generated at compile time: the app is published with
/// NativeAOT, where reflection-based serialization is off. <see cref="EventJson.Options"/> adds what
/// cannot be said in attributes here (the event polymorphism, the converters of Core's value types and
/// the camelCase enum names); a type missing here fails <c>EventJsonRoundTripTests</c>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SupervisorEvent))]
[JsonSerializable(typeof(SupervisorSnapshot))]
[JsonSerializable(typeof(WorkerSpawned))]
[JsonSerializable(typeof(OutputLine))]
[JsonSerializable(typeof(WorkerStateChanged))]
[JsonSerializable(typeof(SignalSent))]
[JsonSerializable(typeof(ResourceSampled))]
[JsonSerializable(typeof(DescendantStateChanged))]
[JsonSerializable(typeof(ProcessLeftBehind))]
[JsonSerializable(typeof(MachineSampled))]
[JsonSerializable(typeof(WorkerEnded))]
[JsonSerializable(typeof(JoinStarted))]
[JsonSerializable(typeof(WorkerJoined))]
[JsonSerializable(typeof(EventsDropped))]
[JsonSerializable(typeof(WorkerOutputHeld))]
[JsonSerializable(typeof(SchedulingChanged))]
[JsonSerializable(typeof(WorkerScheduled))]
[JsonSerializable(typeof(PoolStarted))]
[JsonSerializable(typeof(PoolTaskAssigned))]
[JsonSerializable(typeof(ResultRecorded))]
[JsonSerializable(typeof(PoolWorkerReplaced))]
[JsonSerializable(typeof(PoolFinished))]
[JsonSerializable(typeof(WorkerSpecJsonConverter.Shape), TypeInfoPropertyName = "WorkerSpecShape")]
[JsonSerializable(typeof(WorkerExitJsonConverter.Shape), TypeInfoPropertyName = "WorkerExitShape")]
internal sealed partial class EventJsonContext : JsonSerializerContext;
