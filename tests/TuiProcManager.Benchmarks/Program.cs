using TuiProcManager.Benchmarks;

return args.FirstOrDefault() switch
{
    null or "spawn" => await SpawnJoinBenchmark.RunAsync(args.Skip(1).ToArray()),
    "state" => await StateLatencyBenchmark.RunAsync(args.Skip(1).ToArray()),
    "draw" => await DrawBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TuiProcManager.Benchmarks [spawn [--rounds R] [--count N] | state [STEPS]]");
    return 2;
}
