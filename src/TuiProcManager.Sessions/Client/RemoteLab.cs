using System.Reactive.Linq;
using System.Reactive.Subjects;
using Grpc.Core;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Labs;

namespace TuiProcManager.Sessions.Client;

/// <summary>
/// A session's lab as its server decides it (<see cref="ILabAuthority"/>): the progress pushed by
/// <c>WatchLab</c>, hints and answers sent as calls. Opened by <see cref="SessionConnection.OpenLabAsync"/>.
/// </summary>
/// <remarks>
/// Hints and answers block for their round trip (a student's key, not a flood): a server that cannot be
/// reached is said as the change's problem, never thrown at the UI. The progress stream completes when the
/// session ends or its server goes; the screen says which.
/// </remarks>
public sealed class RemoteLab : ILabAuthority, IDisposable
{
    private readonly Session.SessionClient _calls;
    private readonly CancellationTokenSource _stop;
    private readonly BehaviorSubject<LabProgress> _progress;
    private readonly Lock _pushing = new();

    private RemoteLab(Session.SessionClient calls, LabInfo info, LabProgress first, CancellationTokenSource stop)
    {
        _calls = calls;
        _stop = stop;
        Info = info;
        _progress = new BehaviorSubject<LabProgress>(first);
    }

    /// <summary>Which lab it is.</summary>
    public LabInfo Info { get; }

    /// <summary>The progress as last heard from the server.</summary>
    public LabProgress Current => _progress.Value;

    /// <inheritdoc/>
    public IObservable<LabProgress> Progress => _progress.AsObservable();

    /// <summary>Opens the lab's progress stream and waits for its first update.</summary>
    /// <exception cref="SessionException">The session has no lab, or cannot be reached (one line).</exception>
    internal static async Task<RemoteLab> OpenAsync(Session.SessionClient calls, LabInfo info, CancellationToken closing)
    {
        CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(closing);
        AsyncServerStreamingCall<LabUpdate> call = calls.WatchLab(new WatchLabRequest(), cancellationToken: stop.Token);
        try
        {
            if (!await call.ResponseStream.MoveNext(stop.Token).ConfigureAwait(false))
            {
                throw new SessionException("the session ended before it said where its lab is");
            }

            RemoteLab lab = new(calls, info, call.ResponseStream.Current.ToCore(), stop);
            _ = Task.Run(() => lab.ReadAsync(call), CancellationToken.None); // ends with the call (stop cancels it)
            return lab;
        }
        catch (Exception e) when (e is RpcException or ProtocolException)
        {
            call.Dispose();
            stop.Dispose();
            throw e is RpcException rpc ? RpcFaults.Translate(rpc) as SessionException ?? new SessionException(rpc.Status.Detail, rpc)
                : new SessionException("the session's lab: " + e.Message, e);
        }
    }

    /// <inheritdoc/>
    public LabChange Hint(string step) => Ask(() => _calls.LabHint(new LabHintRequest { Step = step }, cancellationToken: _stop.Token));

    /// <inheritdoc/>
    public LabChange Answer(string step, string text) => Ask(() => _calls.LabAnswer(new LabAnswerRequest { Step = step, Text = text }, cancellationToken: _stop.Token));

    /// <summary>Ends the progress stream.</summary>
    public void Dispose()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }

    private LabChange Ask(Func<LabReply> call)
    {
        try
        {
            LabChange change = call().ToCore();
            Push(change.Progress); // before the stream brings it: the UI shows it as the call returns
            return change;
        }
        catch (RpcException e)
        {
            return new LabChange(Current, RpcFaults.Translate(e).Message, null);
        }
        catch (Exception e) when (e is ProtocolException or ObjectDisposedException)
        {
            return new LabChange(Current, e.Message, null);
        }
    }

    private async Task ReadAsync(AsyncServerStreamingCall<LabUpdate> call)
    {
        using (call)
        {
            try
            {
                while (await call.ResponseStream.MoveNext(_stop.Token).ConfigureAwait(false))
                {
                    Push(call.ResponseStream.Current.ToCore());
                }
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException or ProtocolException)
            {
                // The session ended, its server went, or the client closed: the screen says which.
            }
        }

        lock (_pushing)
        {
            _progress.OnCompleted();
        }
    }

    /// <summary>
    /// Passes <paramref name="progress"/> on, unless it is behind what was passed already: a reply and the
    /// stream race (the stream's update from before an answer may come after the answer's reply), and
    /// progress only grows (steps done, hints shown, wrong answers).
    /// </summary>
    private void Push(LabProgress progress)
    {
        lock (_pushing)
        {
            if (!_progress.IsDisposed && !IsBehind(progress, _progress.Value))
            {
                _progress.OnNext(progress);
            }
        }
    }

    private static bool IsBehind(LabProgress candidate, LabProgress shown)
    {
        static (int Done, int Hints, int Wrong) Counts(LabProgress p) =>
            (p.Steps.Values.Count(s => s.DoneAt is not null), p.Steps.Values.Sum(s => s.HintsShown), p.Steps.Values.Sum(s => s.WrongAnswers));
        (int done, int hints, int wrong) = Counts(candidate);
        (int shownDone, int shownHints, int shownWrong) = Counts(shown);
        return done < shownDone || hints < shownHints || wrong < shownWrong;
    }
}
