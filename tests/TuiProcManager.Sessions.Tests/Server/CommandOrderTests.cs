using Microsoft.Extensions.Time.Testing;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Server;

public sealed class CommandOrderTests
{
    private readonly FakeTimeProvider _time = new(EventBuilder.T0);

    [Fact]
    public async Task ALaterCommand_ArrivingFirst_WaitsUntilTheEarlierOneIsDecided()
    {
        CommandOrder order = new(_time);
        using IDisposable first = await order.TurnAsync("a", "1", CancellationToken.None);

        Task<IDisposable> third = order.TurnAsync("a", "3", CancellationToken.None);
        Task<IDisposable> second = order.TurnAsync("a", "2", CancellationToken.None);
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);

        first.Dispose();
        using IDisposable two = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(third.IsCompleted);
        two.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    [Fact]
    public async Task TheFirstNumberHeardFromAClient_GoesAtOnce()
    {
        CommandOrder order = new(_time);

        Task<IDisposable> turn = order.TurnAsync("late-joiner", "41", CancellationToken.None);

        Assert.True(turn.IsCompletedSuccessfully);
        (await turn).Dispose();
    }

    [Fact]
    public async Task ClientsAreIndependent_AndCallsWithoutHeadersGoAtOnce()
    {
        CommandOrder order = new(_time);
        using IDisposable a1 = await order.TurnAsync("a", "1", CancellationToken.None);
        Task<IDisposable> a2 = order.TurnAsync("a", "2", CancellationToken.None);

        Assert.True(order.TurnAsync("b", "1", CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(order.TurnAsync(null, null, CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(order.TurnAsync("c", "not a number", CancellationToken.None).IsCompletedSuccessfully);
        Assert.False(a2.IsCompleted);
    }

    [Fact]
    public async Task ANumberThatNeverArrives_HoldsTheNextOneUpForTheGapWaitOnly()
    {
        CommandOrder order = new(_time);
        (await order.TurnAsync("a", "1", CancellationToken.None)).Dispose();

        Task<IDisposable> third = order.TurnAsync("a", "3", CancellationToken.None); // 2 was lost on the way
        _time.Advance(CommandOrder.GapWait - TimeSpan.FromMilliseconds(1));
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await third.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    [Fact]
    public async Task DisposingATurnTwice_AdvancesOnce()
    {
        CommandOrder order = new(_time);
        IDisposable first = await order.TurnAsync("a", "1", CancellationToken.None);
        Task<IDisposable> second = order.TurnAsync("a", "2", CancellationToken.None);
        Task<IDisposable> third = order.TurnAsync("a", "3", CancellationToken.None);

        first.Dispose();
        first.Dispose();

        using IDisposable two = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(third.IsCompleted);
    }
}
