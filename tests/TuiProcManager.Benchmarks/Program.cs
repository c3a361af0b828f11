using TuiProcManager.Benchmarks;

return args.FirstOrDefault() switch
{
    null or "spawn" => await SpawnJoinBenchmark.RunAsync(args.Skip(1).ToArray()),
    "worker-start" => await WorkerStartBenchmark.RunAsync(args.Skip(1).ToArray()),
    "state" => await StateLatencyBenchmark.RunAsync(args.Skip(1).ToArray()),
    "draw" => await DrawBenchmark.RunAsync(args.Skip(1).ToArray()),
    "idle" => await IdleBenchmark.RunAsync(args.Skip(1).ToArray()),
    "flood" => await FloodBenchmark.RunAsync(args.Skip(1).ToArray()),
    "keys" => await KeyLatencyBenchmark.RunAsync(args.Skip(1).ToArray()),
    "memory" => await MemoryBenchmark.RunAsync(args.Skip(1).ToArray()),
    "lesson" => await LessonBenchmark.RunAsync(args.Skip(1).ToArray()),
    "pool" => await PoolBenchmark.RunAsync(args.Skip(1).ToArray()),
    "relay" => await RelayBenchmark.RunAsync(args.Skip(1).ToArray()),
    "pause-on-wait" => await PauseOnWaitBenchmark.RunAsync(args.Skip(1).ToArray()),
    "soak" => await SoakTest.RunAsync(args.Skip(1).ToArray()),
    "input" => await InputBenchmark.RunAsync(args.Skip(1).ToArray()),
    "tty" => await TtyBenchmark.RunAsync(args.Skip(1).ToArray()),
    "guard" => await GuardBenchmark.RunAsync(args.Skip(1).ToArray()),
    "sessions" => await SessionsBenchmark.RunAsync(args.Skip(1).ToArray()),
    "class" => await ClassBenchmark.RunAsync(args.Skip(1).ToArray()),
    "recording" => await RecordingBenchmark.RunAsync(args.Skip(1).ToArray()),
    "recording-read" => RecordingBenchmark.Read(args.Skip(1).ToArray()),
    "bare-window" => await IdleBenchmark.BareWindowAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TuiProcManager.Benchmarks [spawn [--rounds R] [--count N] | worker-start [ROUNDS [COUNT]] | state [STEPS] | draw [--rounds R] [--panels] | idle [--warmup S] [--seconds S] | flood [--rounds R] | keys [--rounds R] [--keys K] [--base PATH] | memory [--gc] | lesson [--rounds R] | pool [--rounds R] | relay [--rounds R] [--lines N] | pause-on-wait [--rounds R] [--workers N] [--steps K] [--work-ms W] [--wait-ms T] [--sample-us U] | soak [--seconds S] [--seed N] [--max-alive N] | input [--rounds R] | tty [--rounds R] [--warmup S] [--seconds S] [--after-flood S] | guard [--rounds R] | sessions [--base PATH] [--in-process PATH] [--rounds R] [--flood-rounds R] [--warmup S] [--seconds S] [--only idle|ctl|attach|flood] | class [--sessions N] [--workers W] [--seconds S] [--rounds R] | recording [--events N] [--seeks K] [--rounds R] [--keep DIR] [--replay-env NAME=VALUE,...]]");
    return 2;
}
