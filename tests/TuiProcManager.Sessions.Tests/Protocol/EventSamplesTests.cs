using System.Reflection;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Sessions.Tests.Protocol;

/// <summary>The round-trip data is complete, and the comparison it is checked with can tell events apart.</summary>
public sealed class EventSamplesTests
{
    [Fact]
    public void All_HoldsEveryConcreteSupervisorEvent()
    {
        // A new event record in Core without a sample here would have no tested wire form.
        IEnumerable<string> concrete = typeof(SupervisorEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(SupervisorEvent)) && !t.IsAbstract)
            .Select(t => t.Name);
        HashSet<string> sampled = [.. EventSamples.All.Values.Select(e => e.GetType().Name)];

        Assert.Empty(concrete.Where(name => !sampled.Contains(name)));
    }

    [Fact]
    public void All_SetsAndLeavesUnsetEveryNullableValue()
    {
        // Every nullable property of every Core object the samples reach (events, worker infos, specs, exits…)
        // is null in one sample and set in another: both sides of proto3 presence are round-tripped.
        NullabilityInfoContext nullability = new();
        Dictionary<string, (bool Null, bool Set)> seen = new(StringComparer.Ordinal);
        foreach (SupervisorEvent e in EventSamples.All.Values)
        {
            CanonicalForm.Walk(e, value =>
            {
                if (value.GetType().Assembly != typeof(SupervisorEvent).Assembly)
                {
                    return;
                }

                foreach (PropertyInfo property in CanonicalForm.Properties(value.GetType()))
                {
                    if (nullability.Create(property).ReadState != NullabilityState.Nullable)
                    {
                        continue;
                    }

                    string key = value.GetType().Name + "." + property.Name;
                    (bool wasNull, bool wasSet) = seen.GetValueOrDefault(key);
                    bool isNull = property.GetValue(value) is null;
                    seen[key] = (wasNull || isNull, wasSet || !isNull);
                }
            });
        }

        Assert.Contains("WorkerInfo.LastSample", seen.Keys); // the walk reaches into snapshots
        Assert.Empty(seen.Where(kv => !kv.Value.Null || !kv.Value.Set).Select(kv => $"{kv.Key}: null {kv.Value.Null}, set {kv.Value.Set}"));
    }

    [Fact]
    public void CanonicalForm_EqualEventsWithTheirOwnArrays_AreEqual()
    {
        // Why the tests need it: records compare an ImmutableArray by reference.
        MachineSampled a = new(1, EventBuilder.T0, [1.5, 2]);
        MachineSampled b = new(1, EventBuilder.T0, [1.5, 2]);

        Assert.NotEqual(a, b);
        Assert.Equal(CanonicalForm.Of(a), CanonicalForm.Of(b));
    }

    [Fact]
    public void CanonicalForm_EventsThatDifferDeepInside_Differ()
    {
        SupervisorSnapshot snapshot = (SupervisorSnapshot)EventSamples.All["Snapshot, workers of every kind and state"];
        WorkerInfo first = snapshot.Workers[0];
        ProcessSample child = first.Descendants[1] with { CpuTime = first.Descendants[1].CpuTime + TimeSpan.FromTicks(1) };
        SupervisorSnapshot changed = snapshot with { Workers = snapshot.Workers.SetItem(0, first with { Descendants = first.Descendants.SetItem(1, child) }) };

        Assert.NotEqual(CanonicalForm.Of(snapshot), CanonicalForm.Of(changed));
        Assert.NotEqual(
            CanonicalForm.Of(new WorkerSpawned(1, EventBuilder.T0, new WorkerId(1), WorkerSpec.Square("1"), null)),
            CanonicalForm.Of(new WorkerSpawned(1, EventBuilder.T0.ToOffset(TimeSpan.FromHours(1)), new WorkerId(1), WorkerSpec.Square("1"), null)));
    }
}
