using System.Diagnostics;
using System.Globalization;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Tui.Views;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// What a paste into a dialog field costs the UI thread, by size: Terminal.Gui 2.5.0's stock TextField
/// against <see cref="InputField"/>, each text sent two ways: as a bracketed
/// paste (one event: what a terminal sends when the app asked for it) and as keystrokes (a terminal without
/// bracketed paste, or typing), then one layout and draw. ANSI driver, in-memory screen, one thread.
/// </summary>
/// <remarks>
/// TextField's cost grows with the square of the length: a size is only tried when the one before it,
/// scaled by the square of the ratio, stays under <see cref="Budget"/>; otherwise it is reported as skipped
/// with that estimate.
/// </remarks>
internal static class InputBenchmark
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public static Task<int> RunAsync(string[] args)
    {
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
        int[] sizes = [1024, 8 * 1024, 128 * 1024];
        int rounds = Args.Int(args, "--rounds", 3);
        foreach (string field in new[] { "TextField", "InputField" })
        {
            foreach (bool bracketed in new[] { true, false })
            {
                double previous = 0;
                int previousSize = 0;
                foreach (int size in sizes)
                {
                    double estimate = previous * Math.Pow(size / (double)Math.Max(previousSize, 1), 2);
                    if (previousSize > 0 && estimate > Budget.TotalMilliseconds)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{field,-10} {(bracketed ? "paste" : "keys"),-5} {size / 1024,4} KiB: skipped (about {estimate / 1000:0} s by the square of {previous / 1000:0.0} s at {previousSize / 1024} KiB)"));
                        continue;
                    }

                    List<double> times = [];
                    for (int round = 0; round < (previous > 10_000 ? 1 : rounds); round++)
                    {
                        times.Add(Measure(field, size, bracketed));
                    }

                    previous = Stats.Median(times);
                    previousSize = size;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{field,-10} {(bracketed ? "paste" : "keys"),-5} {size / 1024,4} KiB: median {previous,9:0.0} ms over {times.Count} (min {Stats.Min(times):0.0}), {previous * 1000 / size:0.00} µs a character"));
                }
            }
        }

        return Task.FromResult(0);
    }

    /// <summary>Milliseconds from the first character in to the field drawn with the last one.</summary>
    private static double Measure(string kind, int size, bool bracketed)
    {
        using IApplication app = Application.Create(new VirtualTimeProvider());
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(100, 30);
        using Runnable top = new() { Width = Dim.Fill(), Height = Dim.Fill() };
        View field = kind == "TextField"
            ? new TextField { X = 1, Y = 1, Width = 54 }
            : new InputField { X = 1, Y = 1, Width = 54 };
        top.Add(field);
        SessionToken? session = app.Begin(top);
        field.SetFocus();
        app.LayoutAndDraw();
        string text = string.Create(size, 0, (span, _) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });

        long t0 = Stopwatch.GetTimestamp();
        if (bracketed)
        {
            app.RaisePasteEvent(text);
        }
        else
        {
            foreach (char c in text)
            {
                app.InjectKey(new Key(c));
            }
        }

        app.LayoutAndDraw();
        double ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        string shown = app.Driver.ToString() ?? "";
        if (!shown.Contains(text[^20..], StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{kind}: the end of the text is not on the screen after {size} characters");
        }

        if (session is not null)
        {
            app.End(session);
        }

        return ms;
    }
}
