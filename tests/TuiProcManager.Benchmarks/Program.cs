using TuiProcManager.Benchmarks;

return args.FirstOrDefault() switch
{
    null or "spawn" => await SpawnJoinBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TuiProcManager.Benchmarks [spawn [--rounds R] [--count N]]");
    return 2;
}
