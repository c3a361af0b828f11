using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.CommandLine;
using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Sessions.Recording;
using TuiProcManager.Sessions.Runtime;
using TuiProcManager.Sessions.Server;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions;

/// <summary>
/// The session server's life: the supervisor (with its orphan guard, as in every tuiproc), the session's
/// history, its linger, and the gRPC service on the session's socket; then, until a client ends the
/// session, the linger expires, or SIGTERM/SIGINT comes, nothing but serving; with <c>--events-fd</c>, the
/// session's events file is written all along (<see cref="SessionRecord"/>), and in every session its flight
/// recording (<see cref="SessionFlightRecorder"/>). At the end the workers still
/// alive are terminated (SIGTERM, the grace period, SIGKILL), every client's stream completes, the events
/// file is closed, and the socket goes. SIGHUP is ignored: the server has no terminal, and a hang-up is a client's business.
/// </summary>
internal static class SessionServerHost
{
    /// <param name="start">What the server is started with.</param>
    /// <param name="log">The session's log.</param>
    public static async Task<int> RunAsync(SessionServerStart start, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(start);
        (string name, TimeSpan? linger, string? labSource) = (start.Name, start.Linger, start.LabSource);
        ReadyPipe ready = new(start.ReadyFd);
        SessionDirectory directory = SessionDirectory.ForThisUser(Environment.GetEnvironmentVariable);
        if ((SessionDirectory.NameProblem(name) ?? directory.Prepare() ?? WorkerExecutable.Problem()) is { } problem)
        {
            ready.Failed(problem);
            await log.WriteLineAsync("tuiproc: " + problem).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await using ServiceProvider services = AppServices.Build();
        Supervisor supervisor = services.GetRequiredService<Supervisor>();
        TimeProvider time = services.GetRequiredService<TimeProvider>();
        TaskCompletionSource<string> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        SessionLab? lab = null;
        if (labSource is not null && !SessionLabs.TryOpen(labSource, time, services.GetRequiredService<MachineFacts>(), out lab, out string? labProblem))
        {
            ready.Failed(labProblem);
            await log.WriteLineAsync("tuiproc: " + labProblem).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using LabKeeper? keeper = lab?.Keeper;
        SessionRecord? record = null;
        if (start.EventsFd >= 0 && SessionRecord.TryOpen(start.EventsFd, start.EventsName, out record) is { } recordProblem)
        {
            ready.Failed(recordProblem);
            await log.WriteLineAsync("tuiproc: " + recordProblem).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using SessionRecord? recording = record;
        using SessionNotices notices = new(time);
        if (keeper is not null)
        {
            keeper.SaveFailed = notices.Say; // the progress file cannot be written: every client hears it
        }

        // The record sees every event, from the first: nothing can spawn before the socket serves.
        record?.Start(supervisor, notices, keeper);
        List<string> recorderSaid = [];
        using SessionRecorder? recorder = SessionFlightRecorder.TryStart(name, time.GetUtcNow(), supervisor, notices, lab, time, recorderSaid.Add);
        SessionHistory history = new();
        using SessionLinger lingering = new(linger, time, () => history.Alive, () => ended.TrySetResult(
            history.Alive == 0 ? "nobody attached and no worker alive" : $"nobody attached for {LingerOption.Format(linger)} (--linger): its workers are terminated"));
        history.WorkersChanged += lingering.WorkersChanged;
        // The history keeps every event as it is published (a tap: see SessionHistory on why not a queue). Tapped
        // after the linger is made and let go before it is disposed: the tap's WorkersChanged calls the linger.
        using IDisposable keeping = supervisor.Tap(history);
        SessionPulse pulse = new();
        using IDisposable pulsing = supervisor.Tap(pulse);
        // The lab sees every event, from the first (what happens while nobody is attached counts), on a thread
        // of its own: a step it completes is saved to disk. By the batch, as it folds every line of a flood.
        using EventLoopScheduler? labThread = keeper is null ? null : new(start => new Thread(start) { IsBackground = true, Name = "tuiproc lab" });
        using IDisposable? checking = keeper is null ? null : supervisor.LosslessBatches("the lab's checks", labThread!).Subscribe(keeper.ObserveAll);

        SessionInfo info = new(name, time.GetUtcNow(), Environment.ProcessId);
        // The shared socket is made private at start, whether the session is ever shared or not: share only
        // changes who may reach it (decision 0007). A place that cannot be used leaves the session unshareable.
        SharedSessions shared = SharedSessions.Of(Linux.Hosting.UserIdentity.EffectiveUid, Environment.GetEnvironmentVariable);
        string? unshareable = shared.PrepareForServer(name);
        if (unshareable is not null)
        {
            await Say(log, time, $"session {name} cannot be shared: {unshareable}").ConfigureAwait(false);
        }

        SessionSharing sharing = new(name, shared, unshareable);
        sharing.WatchersChanged += notices.SayWatchers;
        // Stopping the supervisor and closing the record, once: End's call waits for it (its reply says whether
        // the record is whole), and so does the end of the server, however it comes.
        Lazy<Task<string?>> finishing = new(() => FinishAsync(supervisor, record, recorder, ended.Task));
        SessionService service = new(supervisor, history, lingering, info, time, () => ended.TrySetResult("ended by a client"))
        {
            Lab = lab,
            Notices = notices,
            Finish = () => finishing.Value,
            Sharing = sharing,
            Pulse = pulse,
        };
        SessionSocketServer server;
        try
        {
            server = await SessionSocketServer.StartAsync(directory.SocketOf(name), service, new SessionSocketServerOptions { Sharing = sharing }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            ready.Failed(e.Message);
            await log.WriteLineAsync("tuiproc: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await using (server.ConfigureAwait(false))
        {
            using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, ended, "SIGTERM"));
            using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, ended, "SIGINT"));
            using PosixSignalRegistration hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => c.Cancel = true);
            await Say(log, time, $"session {name} serves on {directory.SocketOf(name)} (pid {Environment.ProcessId})").ConfigureAwait(false);
            if (sharing.SocketPath is null && unshareable is null && sharing.Problem is { } notShareable)
            {
                await Say(log, time, $"session {name} cannot be shared: {notShareable}").ConfigureAwait(false);
            }

            foreach (string line in recorderSaid)
            {
                await Say(log, time, line).ConfigureAwait(false);
            }

            ready.Ready();
            string why = await ended.Task.ConfigureAwait(false);
            await Say(log, time, $"session {name} ends: {why}").ConfigureAwait(false);
            if (await finishing.Value.ConfigureAwait(false) is { } notWhole)
            {
                await Say(log, time, notWhole).ConfigureAwait(false);
            }

            if (recorder is not null && await recorder.CloseAsync().ConfigureAwait(false) is { } notRecorded)
            {
                await Say(log, time, notRecorded).ConfigureAwait(false);
            }

            if (keeper?.Save() is { } notSaved)
            {
                await Say(log, time, notSaved).ConfigureAwait(false);
            }

            notices.Complete();
        }

        if (sharing.SocketPath is not null)
        {
            shared.Remove(name); // its socket went with the server
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Stops the supervisor (the workers left: SIGTERM, the grace, SIGKILL; then every stream completes, the
    /// record's too) and waits for the record to be closed. Why the record is not whole, or null.
    /// </summary>
    private static async Task<string?> FinishAsync(Supervisor supervisor, SessionRecord? record, SessionRecorder? recorder, Task<string> ended)
    {
        // Started before the end is known only by End's call, which says it after its reply.
        recorder?.Ending(ended.IsCompletedSuccessfully ? ended.Result : "ended by a client");
        await supervisor.DisposeAsync().ConfigureAwait(false);
        return record is null ? null : await record.CloseAsync().ConfigureAwait(false);
    }

    private static void Stop(PosixSignalContext context, TaskCompletionSource<string> ended, string signal)
    {
        context.Cancel = true; // the workers are stopped first, then the server exits by itself
        ended.TrySetResult(signal);
    }

    private static Task Say(TextWriter log, TimeProvider time, string line) =>
        log.WriteLineAsync(time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss'Z' ", CultureInfo.InvariantCulture) + line);
}
