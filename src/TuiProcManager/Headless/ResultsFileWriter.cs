using System.Text.Json;
using TuiProcManager.Core.Results;

namespace TuiProcManager.Headless;

/// <summary>
/// <c>--results FILE</c>: the shared results table as a JSON array, written at the end of the run:
/// <c>[{"worker":2,"pid":4711,"kind":"square","input":"3","result":"9","time":"…","pool":1,"index":2}]</c>.
/// </summary>
/// <remarks>
/// Opened before anything starts (see <see cref="RunFiles"/>), so that a path that cannot be written is a
/// usage error, not a run whose results are lost. Writing can still fail at the end (a full disk,
/// <c>/dev/full</c>, a FIFO whose reader left): that is a one-line problem, never an exception.
/// </remarks>
/// <param name="file">The stream to write (see <see cref="RunFiles"/>, which opens it); closed by <see cref="Write"/> or <see cref="Dispose"/>.</param>
/// <param name="shownPath">The file's name as problems quote it.</param>
internal sealed class ResultsFileWriter(Stream file, string shownPath) : IDisposable
{
    /// <summary>Writes every row and closes the file; returns a one-line problem (<c>cannot write the results file 'r.json': No space left on device</c>), or null.</summary>
    public string? Write(ResultsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            using (Utf8JsonWriter json = new(file, new JsonWriterOptions { Indented = true }))
            {
                WriteRows(json, table);
            }

            file.WriteByte((byte)'\n');
            file.Dispose(); // flushes: a write the kernel refuses fails here
            return null;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            Dispose();
            return $"cannot write the results file '{shownPath}': {e.Message.ReplaceLineEndings(" ")}";
        }
    }

    /// <summary>Closes the file; what could not be written is lost without a word (<see cref="Write"/> says it).</summary>
    public void Dispose()
    {
        try
        {
            file.Dispose();
        }
        catch (IOException)
        {
            // The buffered rest could not be written either: Write has said so, or was never called.
        }
    }

    private static void WriteRows(Utf8JsonWriter json, ResultsTable table)
    {
        json.WriteStartArray();
        foreach (ResultRow row in table.Rows)
        {
            json.WriteStartObject();
            json.WriteNumber("worker", row.Worker.Value);
            if (row.Pid is { } pid)
            {
                json.WriteNumber("pid", pid);
            }

            json.WriteString("kind", row.Kind.ToString().ToLowerInvariant());
            json.WriteString("input", row.Input);
            if (row.Result is not null)
            {
                json.WriteString("result", row.Result);
            }

            if (row.Error is not null)
            {
                json.WriteString("error", row.Error);
            }

            json.WriteString("time", row.Time);
            if (row.Pool is { } pool)
            {
                json.WriteNumber("pool", pool.Value);
                json.WriteNumber("index", row.Index ?? -1);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
