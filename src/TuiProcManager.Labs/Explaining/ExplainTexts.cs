using System.Collections.Frozen;
using System.Text.RegularExpressions;
using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Format;

namespace TuiProcManager.Labs.Explaining;

/// <summary>
/// The Explain panel's texts, read from <c>labs/explain.json</c> (data, not code, so that a teacher can
/// change the words): a title, the Python call, the system calls and the trap for every topic
/// <see cref="Explainer"/> uses. Every topic must be there, and every placeholder must be one it fills.
/// </summary>
public sealed partial class ExplainTexts
{
    /// <summary>The format this version reads.</summary>
    public const string Format = "tuiproc-explain/1";

    /// <summary>Every topic the explainer uses.</summary>
    public static IReadOnlyList<string> Topics { get; } =
    [
        "spawn", "spawn.command", "spawn.pool",
        "pause", "resume", "terminate", "terminate.paused", "escalate", "kill",
        "scheduler.stop", "scheduler.continue",
        "state.running", "state.waiting", "state.paused",
        "join", "join.timeout", "joined", "joined.timedOut",
        "ended.ok", "ended.code", "ended.signal", "ended.failed",
        "mode.parallel", "mode.pause-on-wait",
        "pool.started", "pool.replaced", "pool.finished", "result", "leftBehind",
        "output.held", "output.released",
    ];

    /// <summary>Every placeholder the explainer fills.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
    [
        "worker", "pid", "kind", "n", "why", "slots", "cores", "timeout", "exit", "pyexit", "code", "signal",
        "pool", "size", "inputs", "workers", "ok", "failed", "task", "value", "input", "name", "detail", "by",
    ];

    private readonly FrozenDictionary<string, ExplainTopic> _topics;

    private ExplainTexts(FrozenDictionary<string, ExplainTopic> topics) => _topics = topics;

    /// <summary>The texts of <paramref name="topic"/>.</summary>
    public ExplainTopic this[string topic] => _topics[topic];

    /// <summary>Reads <paramref name="path"/> through <paramref name="files"/> (a regular file, at most <see cref="JsonSource.MaxBytes"/>), named <paramref name="shownAs"/> in messages.</summary>
    /// <exception cref="LabFormatException">It cannot be read, or a topic or placeholder is missing or unknown.</exception>
    public static ExplainTexts Load(IRegularFileReader files, string path, string? shownAs = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using JsonSource source = JsonSource.Open(files, path, shownAs ?? path);
        return Read(source);
    }

    /// <summary>Reads texts from <paramref name="utf8"/> (for tests).</summary>
    public static ExplainTexts Parse(ReadOnlyMemory<byte> utf8, string name)
    {
        using JsonSource source = JsonSource.Parse(utf8, name);
        return Read(source);
    }

    private static ExplainTexts Read(JsonSource source)
    {
        JsonCursor root = source.Root.Object("the texts", "$schema", "format", "topics");
        JsonCursor format = root.Required("format", $"\"{Format}\"");
        if (format.String(100) is var version && version != Format)
        {
            throw format.Error($"this tuiproc reads \"{Format}\", not \"{Core.Text.InputText.Shorten(version)}\"");
        }

        JsonCursor topics = root.Required("topics", "an object with one member per topic").Object("topics", [.. Topics]);
        Dictionary<string, ExplainTopic> read = [];
        foreach (string name in Topics)
        {
            JsonCursor topic = topics.Required(name, "the texts for that topic: title, python, os, trap").Object($"topic {name}", "title", "python", "os", "trap");
            read[name] = new ExplainTopic(
                Checked(topic.Required("title", "a headline")),
                topic.Member("python") is { } python ? Checked(python) : null,
                topic.Member("os") is { } os ? Checked(os) : null,
                topic.Member("trap") is { } trap ? Checked(trap) : null);
        }

        return new ExplainTexts(read.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static string Checked(JsonCursor at)
    {
        string text = at.Text(1000);
        foreach (Match m in Placeholder().Matches(text))
        {
            if (!Placeholders.Contains(m.Groups[1].Value))
            {
                throw at.Error($"unknown placeholder {{{m.Groups[1].Value}}} (known: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))})");
            }
        }

        return text;
    }

    /// <summary>Fills <paramref name="text"/>'s placeholders from <paramref name="values"/> (a missing value leaves "?"; <c>{size} workers</c> reads <c>1 worker</c>).</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Core.Text.Placeholders.Fill(text, name => values.GetValueOrDefault(name), missing: "?");
    }

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Placeholder();
}
