using Microsoft.Extensions.Time.Testing;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Server;

/// <summary>The notices a server keeps for clients that attach later: the last 32, stamped, then each as it comes.</summary>
public sealed class SessionNoticesTests
{
    [Fact]
    public void Said_MoreThanKept_ALateSubscriberGetsTheLast32_ThenWhatComes()
    {
        using SessionNotices notices = new(TimeProvider.System);
        for (int i = 1; i <= 40; i++)
        {
            notices.Say($"notice {i}");
        }

        List<string> seen = [];
        using IDisposable subscription = notices.Said.Subscribe(n => seen.Add(n.Text));
        notices.Say("notice 41");

        Assert.Equal(Enumerable.Range(9, 33).Select(i => $"notice {i}"), seen);
    }

    [Fact]
    public void Say_StampsTheNoticeWithTheClock()
    {
        FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero));
        using SessionNotices notices = new(time);
        time.Advance(TimeSpan.FromSeconds(7));

        notices.Say("x");

        SessionNotice? seen = null;
        using IDisposable subscription = notices.Said.Subscribe(n => seen = n);
        Assert.Equal(new SessionNotice("x", new DateTimeOffset(2026, 12, 6, 4, 0, 7, TimeSpan.Zero)), seen);
    }

    [Fact]
    public void Say_AfterCompleteOrDispose_IsIgnored_NotThrown()
    {
        SessionNotices notices = new(TimeProvider.System);
        bool completed = false;
        List<string> seen = [];
        using (notices.Said.Subscribe(n => seen.Add(n.Text), () => completed = true))
        {
            notices.Complete();
            notices.Say("after the end");
        }

        notices.Dispose();
        notices.Say("after dispose"); // a writer's thread may still fail after the session ended

        Assert.True(completed);
        Assert.Empty(seen);
    }
}
