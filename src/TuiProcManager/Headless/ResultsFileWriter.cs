using System.Text.Json;
using TuiProcManager.Core.Results;

namespace TuiProcManager.Headless;

/// <summary>
/// <c>--results FILE</c>: the shared results table as a JSON array, written at the end of the run:
/// <c>[{"worker":2,"pid":4711,"kind":"square","input":"3","result":"9","time":"…","pool":1,"index":2}]</c>.
/// </summary>
/// <remarks>
/// Opened (created or truncated, owner-only permissions) before anything starts, so that a path that
/// cannot be written is a usage error, not a run whose results are lost.
/// </remarks>
internal sealed class ResultsFileWriter : IDisposable
{
    private readonly FileStream _file;

    /// <summary>Writes to <paramref name="file"/> (see <see cref="RunFiles"/>, which opens it), and closes it.</summary>
    public ResultsFileWriter(FileStream file) => _file = file;

    /// <summary>Writes every row and closes the file.</summary>
    public void Write(ResultsTable table)
    {
        using (Utf8JsonWriter json = new(_file, new JsonWriterOptions { Indented = true }))
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

        _file.WriteByte((byte)'\n');
        _file.Dispose();
    }

    public void Dispose() => _file.Dispose();
}
