using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Sessions.Recording;
using TuiProcManager.Sessions.Replay;

namespace TuiProcManager.Sessions.Tests.Replay;

public sealed class ReplayLabTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static RecordedLab State(int secondsIn, int stepsDone) => new(Start.AddSeconds(secondsIn), "1", "1", new LabProgress
    {
        Lab = "1",
        Title = "The lesson's example",
        StartedAt = Start,
        Steps = Enumerable.Range(1, stepsDone).ToImmutableDictionary(i => $"step{i}", i => new StepProgress { DoneAt = Start.AddSeconds(secondsIn) }),
    });

    private readonly List<RecordedLab> _states = [State(2, 0), State(10, 1), State(30, 2)];
    private readonly FakeTimeProvider _real = new();

    [Fact]
    public void At_IsTheLastStateAtOrBefore_AndTheFirstBeforeAny()
    {
        ReplayLab lab = new(_states, new ReplayClock(Start, Start.AddMinutes(1), real: _real));
        Assert.Same(_states[0], lab.At(Start));
        Assert.Same(_states[0], lab.At(Start.AddSeconds(9.9)));
        Assert.Same(_states[1], lab.At(Start.AddSeconds(10)));
        Assert.Same(_states[2], lab.At(Start.AddHours(1)));
    }

    [Fact]
    public async Task Progress_FollowsTheClock_ForwardAndBack()
    {
        ReplayClock clock = new(Start, Start.AddMinutes(1), real: _real);
        ReplayLab lab = new(_states, clock);
        List<int> shown = [];
        using IDisposable watching = lab.Progress.Subscribe(p =>
        {
            lock (shown)
            {
                shown.Add(p.Steps.Count);
            }
        });
        clock.SeekTo(Start.AddSeconds(40));
        await Until(() => shown.Count == 2);
        clock.SeekTo(Start.AddSeconds(12)); // back: the step done later is not done yet
        await Until(() => shown.Count == 3);
        _real.Advance(TimeSpan.FromSeconds(20)); // playing on past the next change: seen at the next look
        await Until(() => shown.Count == 4);
        lock (shown)
        {
            Assert.Equal([0, 2, 1, 2], shown);
        }
    }

    [Fact]
    public void HintsAndAnswers_AreRefused_AndChangeNothing()
    {
        ReplayLab lab = new(_states, new ReplayClock(Start, Start.AddMinutes(1), real: _real));
        LabChange hint = lab.Hint("step1");
        LabChange answer = lab.Answer("step1", "2");
        Assert.Equal(ReplaySupervisor.Refusal, hint.Problem);
        Assert.Equal(ReplaySupervisor.Refusal, answer.Problem);
        Assert.Null(answer.Answer);
        Assert.Same(_states[0].Progress, answer.Progress);
    }

    private static async Task Until(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
