using TuiProcManager.Core.Os;

namespace TuiProcManager.Composition;

/// <summary>
/// The services the command line needs before any worker can start: while it parses (<c>--cmd</c>'s program
/// is looked up then, so that bad input starts nothing) and for the commands that start no worker at all
/// (<c>tuiproc lab check</c>, <c>report</c>, <c>reset</c>, the list). Taken from the app's own registrations
/// (<see cref="AppServices.CommandLine"/>), so that the command line and the UI agree.
/// </summary>
/// <param name="Resolver">Finds a program on PATH or by path, as exec would.</param>
/// <param name="Clock">Wall-clock time.</param>
/// <param name="Machine">The machine's facts (its cores).</param>
internal sealed record CommandLineServices(IExecutableResolver Resolver, TimeProvider Clock, MachineFacts Machine);
