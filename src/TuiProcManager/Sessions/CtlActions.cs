using System.Globalization;
using System.Text;
using TuiProcManager.CommandLine;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Protocol;
using TuiProcManager.Sessions.Client;
using V1 = TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions;

/// <summary>What each <c>ctl</c> command does, over the session's calls.</summary>
internal static class CtlActions
{
    public static async Task<int> SpawnAsync(CtlCall call, IReadOnlyList<WorkerSpec> specs)
    {
        List<WorkerId> ids = [];
        foreach (WorkerSpec spec in specs)
        {
            ids.Add(await call.Connection.Supervisor.SpawnAsync(spec).ConfigureAwait(false));
        }

        return await call.Say(
            string.Join('\n', ids.Zip(specs, (id, spec) => $"worker {id}: {spec.DisplayName}")),
            w =>
            {
                w.WriteStartArray("workers");
                foreach (WorkerId id in ids)
                {
                    w.WriteNumberValue(id.Value);
                }

                w.WriteEndArray();
            }).ConfigureAwait(false);
    }

    public static async Task<int> PauseAsync(CtlCall call, int worker, bool pause)
    {
        V1.PauseReply reply = await RpcCall(() => call.Connection.Calls.PauseAsync(new V1.PauseRequest
        {
            Worker = worker,
            Want = pause ? V1.PauseRequest.Types.Want.Pause : V1.PauseRequest.Types.Want.Resume,
        }).ResponseAsync).ConfigureAwait(false);
        string outcome = reply.Outcome.ToCore() switch
        {
            Core.Supervision.PauseOutcome.Paused => "paused",
            Core.Supervision.PauseOutcome.Resumed => "resumed",
            _ => "ended",
        };
        return await call.Say($"worker {worker} {outcome}", w => w.WriteString("outcome", outcome),
            outcome == "ended" ? ExitCodes.Failure : ExitCodes.Success).ConfigureAwait(false);
    }

    public static async Task<int> TerminateAsync(CtlCall call, int worker, TimeSpan? grace)
    {
        WorkerExit exit = await call.Connection.Supervisor.TerminateAsync(new WorkerId(worker), grace).ConfigureAwait(false);
        return await call.Say($"worker {worker}: {exit}", w => WriteExit(w, exit)).ConfigureAwait(false);
    }

    public static async Task<int> KillAsync(CtlCall call, int worker)
    {
        bool sent = await call.Connection.Supervisor.KillAsync(new WorkerId(worker)).ConfigureAwait(false);
        return await call.Say(sent ? $"worker {worker}: SIGKILL sent" : $"worker {worker} had ended already: nothing sent",
            w => w.WriteBoolean("sent", sent), sent ? ExitCodes.Success : ExitCodes.Failure).ConfigureAwait(false);
    }

    public static async Task<int> JoinAsync(CtlCall call, string which, TimeSpan? timeout)
    {
        if (which == "all")
        {
            bool all = await call.Connection.Supervisor.JoinAllAsync(timeout).ConfigureAwait(false);
            return await call.Say(all ? "every worker has ended" : "the timeout came first: workers are still running",
                w => w.WriteBoolean("all_ended", all), all ? ExitCodes.Success : ExitCodes.Failure).ConfigureAwait(false);
        }

        if (!int.TryParse(which, NumberStyles.None, CultureInfo.InvariantCulture, out int worker) || worker < 1)
        {
            throw new ArgumentException($"WORKER must be a worker's ID or all, got '{Core.Text.InputText.Shorten(which)}'");
        }

        WorkerExit? exit = await call.Connection.Supervisor.JoinAsync(new WorkerId(worker), timeout).ConfigureAwait(false);
        return exit is null
            ? await call.Say($"worker {worker} is still running: the timeout came first", w => w.WriteNull("exit"), ExitCodes.Failure).ConfigureAwait(false)
            : await call.Say($"worker {worker}: {exit}", w => WriteExit(w, exit)).ConfigureAwait(false);
    }

    public static async Task<int> ModeAsync(CtlCall call, string mode)
    {
        SchedulingMode wanted = mode == "pause-on-wait" ? SchedulingMode.PauseOnWait : SchedulingMode.Parallel;
        SchedulingOutcome now = await call.Connection.Supervisor.ChangeSchedulingAsync(new SchedulingChange { Mode = wanted }).ConfigureAwait(false);
        return await Scheduling(call, now).ConfigureAwait(false);
    }

    public static async Task<int> SlotsAsync(CtlCall call, int slots)
    {
        SchedulingOutcome now = await call.Connection.Supervisor.ChangeSchedulingAsync(new SchedulingChange { Slots = slots }).ConfigureAwait(false);
        return await Scheduling(call, now).ConfigureAwait(false);
    }

    public static async Task<int> PoolAsync(CtlCall call, int size, string map)
    {
        if (!MapSpecParser.TryParse(map, MapSpecParser.MaxInputs, out MapSpec? spec, out string? error))
        {
            throw new ArgumentException(error);
        }

        PoolRequest request = new([.. spec.Tasks], size, Workload.Instant);
        PoolId id = await call.Connection.Supervisor.StartPoolAsync(request).ConfigureAwait(false);
        return await call.Say($"pool {id}: {size} workers map {spec.Inputs.Length} inputs", w => w.WriteNumber("pool", id.Value)).ConfigureAwait(false);
    }

    public static async Task<int> PsAsync(CtlCall call)
    {
        SupervisorSnapshot snapshot = await call.Connection.SnapshotAsync().ConfigureAwait(false);
        return await call.SayRows(PsTable.Text(snapshot), snapshot.Workers.Select(i => (Action<System.Text.Json.Utf8JsonWriter>)(w => PsTable.Write(w, i)))).ConfigureAwait(false);
    }

    public static async Task<int> EndAsync(CtlCall call, TimeSpan? grace)
    {
        Protocol.V1.EndReply ended = await call.Connection.EndAsync(grace).ConfigureAwait(false);
        int terminated = ended.Terminated;
        string record = ended.RecordProblem; // the session's events file is not whole: said, yet the session did end
        return await call.Say(
            $"session {call.Connection.Name} ended ({Core.Text.Plural.Of(terminated, "worker")} terminated){(record.Length == 0 ? "" : "; " + record)}",
            w =>
            {
                w.WriteNumber("terminated", terminated);
                if (record.Length > 0)
                {
                    w.WriteString("record_problem", record);
                }
            }).ConfigureAwait(false);
    }

    private static Task<int> Scheduling(CtlCall call, SchedulingOutcome now) =>
        call.Say(
            $"mode {(now.Mode == SchedulingMode.PauseOnWait ? "pause-on-wait" : "parallel")}, {now.Slots} slot{(now.Slots == 1 ? "" : "s")}{(now.Changed ? "" : " (unchanged)")}",
            w =>
            {
                w.WriteString("mode", now.Mode == SchedulingMode.PauseOnWait ? "pause-on-wait" : "parallel");
                w.WriteNumber("slots", now.Slots);
                w.WriteBoolean("changed", now.Changed);
            });

    private static void WriteExit(System.Text.Json.Utf8JsonWriter w, WorkerExit exit)
    {
        w.WriteStartObject("exit");
        w.WriteString("kind", exit.Kind.ToString());
        if (exit.Code is { } code)
        {
            w.WriteNumber("code", code);
        }

        if (exit.SignalName is { } signal)
        {
            w.WriteString("signal", signal);
        }

        if (exit.Reason is { } reason)
        {
            w.WriteString("reason", reason);
        }

        w.WriteEndObject();
    }

    private static async Task<T> RpcCall<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Grpc.Core.RpcException e)
        {
            throw RpcFaults.Translate(e);
        }
    }
}
