using System.Globalization;
using System.Text.Json;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Sessions;

/// <summary><c>ctl ps</c>: a session's workers as a table for people, or as JSON objects.</summary>
internal static class PsTable
{
    public static string Text(SupervisorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Workers.IsEmpty)
        {
            return "no workers";
        }

        List<string[]> rows = [["#", "PID", "STATE", "CPU%", "NAME", "ENDED"]];
        foreach (WorkerInfo w in snapshot.Workers)
        {
            rows.Add([
                w.Worker.ToString(),
                w.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-",
                State(w),
                w.LastSample is { } s && w.State != WorkerState.Ended ? s.CpuPercent.ToString("0", CultureInfo.InvariantCulture) : "-",
                w.Spec.DisplayName,
                w.Exit?.ToString() ?? "",
            ]);
        }

        return ColumnText.Format(rows);
    }

    public static void Write(Utf8JsonWriter w, WorkerInfo info)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(info);
        w.WriteNumber("worker", info.Worker.Value);
        if (info.Pid is { } pid)
        {
            w.WriteNumber("pid", pid);
        }
        else
        {
            w.WriteNull("pid");
        }

        w.WriteString("state", State(info));
        w.WriteString("name", info.Spec.DisplayName);
        w.WriteBoolean("joined", info.Joined);
        w.WriteNumber("output_lines", info.OutputLines);
        if (info.Exit is { } exit)
        {
            w.WriteString("exit", exit.ToString());
            if (exit.PythonExitCode is { } code)
            {
                w.WriteNumber("exitcode", code); // Python's p.exitcode: -N for a signal
            }
        }
        else
        {
            w.WriteNull("exit");
        }
    }

    private static string State(WorkerInfo w) =>
        w.Queued ? "queued" : w.State.ToString().ToLowerInvariant();
}
