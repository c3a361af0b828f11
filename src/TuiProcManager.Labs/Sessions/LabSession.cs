using System.Collections.Immutable;
using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Labs.Checks;
using TuiProcManager.Labs.Format;

namespace TuiProcManager.Labs.Sessions;

/// <summary>
/// A student working through a lab: folds the event stream into a <see cref="LabWorld"/>, latches each
/// check the first time it holds, and ticks steps in order — the current step is the first not done,
/// and it is done as soon as its check has held (at any moment since the session began) or its question
/// was answered right. Hints and wrong answers are counted. Plain code: the UI and <c>--check</c> drive
/// the same session, on live events or on a recorded stream.
/// </summary>
/// <remarks>Not thread-safe: one thread (the UI thread, or the reader of a file) calls it.</remarks>
public sealed class LabSession
{
    private readonly Dictionary<Check, DateTimeOffset> _held = [];
    private readonly List<Check> _checks = [];
    private readonly StepProgress[] _steps;
    private readonly DateTimeOffset _sessionStart;
    private readonly LabProgress? _saved;

    /// <summary>A session of <paramref name="lab"/>, resuming <paramref name="saved"/> progress if any.</summary>
    /// <param name="lab">The lab.</param>
    /// <param name="saved">Progress from an earlier session (steps are matched by id), or null.</param>
    /// <param name="now">When the session starts.</param>
    /// <param name="cores">The machine's cores, until the stream says.</param>
    public LabSession(Lab lab, LabProgress? saved, DateTimeOffset now, int cores)
    {
        ArgumentNullException.ThrowIfNull(lab);
        Lab = lab;
        _saved = saved;
        _sessionStart = now;
        _steps = [.. lab.Steps.Select(s => saved?.Steps.GetValueOrDefault(s.Id) ?? new StepProgress())];
        foreach (LabStep step in lab.Steps)
        {
            if (step.Check is { } check)
            {
                AddPostOrder(check);
            }
        }

        World = new LabWorld(cores, rememberOutput: _checks.Any(c => c is PrintedCheck));
        Current = FirstNotDone();
    }

    /// <summary>The lab.</summary>
    public Lab Lab { get; }

    /// <summary>What the stream has shown so far.</summary>
    public LabWorld World { get; }

    /// <summary>The first step not done; <c>Lab.Steps.Length</c> once all are.</summary>
    public int Current { get; private set; }

    /// <summary>Every step is done.</summary>
    public bool IsFinished => Current >= Lab.Steps.Length;

    /// <summary>Steps done so far.</summary>
    public int DoneCount => _steps.Count(s => s.DoneAt is not null);

    /// <summary>Hints shown, over all steps.</summary>
    public int HintsUsed => _steps.Sum(s => s.HintsShown);

    /// <summary>Wrong answers, over all steps.</summary>
    public int WrongAnswers => _steps.Sum(s => s.WrongAnswers);

    /// <summary>The progress of step <paramref name="index"/>.</summary>
    public StepProgress Step(int index) => _steps[index];

    /// <summary>Folds <paramref name="e"/> in; returns the steps it made done, in order.</summary>
    public IReadOnlyList<int> Observe(SupervisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        World.Apply(e);
        if (!World.Matters(e))
        {
            return [];
        }

        foreach (Check check in _checks)
        {
            if (!_held.ContainsKey(check) && check.IsMet(World, _held.ContainsKey))
            {
                _held[check] = e.Time;
            }
        }

        return Advance();
    }

    /// <summary>Whether <paramref name="check"/> has held at some moment of this session.</summary>
    public bool Held(Check check) => _held.ContainsKey(check);

    /// <summary>
    /// Answers the current step's question with <paramref name="text"/>: a choice's number or text, or a
    /// typed answer, held against the right ones as <see cref="TypedAnswer"/> says (the screen's forms).
    /// </summary>
    public AnswerResult Answer(string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsFinished || Lab.Steps[Current].Question is not { } question)
        {
            return new AnswerResult(AnswerOutcome.NoQuestion, "this step asks no question: do what it says", []);
        }

        string given = Normalize(text);
        if (!question.IsTyped)
        {
            string? choice = Choice(question, given);
            if (choice is null)
            {
                return new AnswerResult(AnswerOutcome.NotAChoice, $"type a choice's number, 1 to {question.Choices.Length}, or its text", []);
            }

            given = choice;
        }

        ImmutableArray<string> right = question.AnswerFrom is { } computed ? Compute(computed) : question.Answers;
        if (right.IsEmpty)
        {
            return new AnswerResult(AnswerOutcome.NotYet, "finish a whole run (2 or more workers) in each mode first: the answer is what your runs did", []);
        }

        bool isRight = question.IsTyped
            ? right.Any(r => TypedAnswer.Matches(r, given))
            : right.Any(r => Normalize(r).Equals(Normalize(given), StringComparison.OrdinalIgnoreCase));
        if (!isRight)
        {
            _steps[Current] = _steps[Current] with { WrongAnswers = _steps[Current].WrongAnswers + 1 };
            return new AnswerResult(AnswerOutcome.Wrong, "not quite: look again at what the panels show, and try again", []);
        }

        _steps[Current] = _steps[Current] with { DoneAt = now, Answer = given };
        List<int> done = [Current];
        done.AddRange(Advance());
        return new AnswerResult(AnswerOutcome.Right, "right", done);
    }

    /// <summary>Shows the current step's next hint; null when it has no more.</summary>
    public string? ShowHint()
    {
        if (IsFinished)
        {
            return null;
        }

        LabStep step = Lab.Steps[Current];
        StepProgress p = _steps[Current];
        if (p.HintsShown >= step.Hints.Length)
        {
            return null;
        }

        _steps[Current] = p with { HintsShown = p.HintsShown + 1 };
        return step.Hints[p.HintsShown];
    }

    /// <summary>The hints of step <paramref name="index"/> shown so far.</summary>
    public IReadOnlyList<string> HintsShownFor(int index) =>
        [.. Lab.Steps[index].Hints.Take(_steps[index].HintsShown)];

    /// <summary>Time spent on the lab, over every session; frozen once it is finished.</summary>
    public TimeSpan Elapsed(DateTimeOffset now)
    {
        TimeSpan before = TimeSpan.FromSeconds(_saved?.ActiveSeconds ?? 0);
        if (_saved?.FinishedAt is not null)
        {
            return before;
        }

        DateTimeOffset until = FinishedAt ?? now;
        return before + (until > _sessionStart ? until - _sessionStart : TimeSpan.Zero);
    }

    /// <summary>When the last step was done; null until then.</summary>
    public DateTimeOffset? FinishedAt => IsFinished ? _saved?.FinishedAt ?? _steps.Max(s => s.DoneAt) : null;

    /// <summary>The progress to save or report, as of <paramref name="now"/>.</summary>
    public LabProgress Progress(DateTimeOffset now) => new()
    {
        Lab = Lab.Id,
        Title = Lab.Title,
        LabFile = Lab.Source,
        StartedAt = _saved?.StartedAt ?? _sessionStart,
        FinishedAt = FinishedAt,
        ActiveSeconds = Math.Round(Elapsed(now).TotalSeconds, 1),
        Steps = Lab.Steps.Select((s, i) => (s.Id, _steps[i])).ToImmutableDictionary(p => p.Id, p => p.Item2),
    };

    /// <summary>Replaces the text's placeholders: <c>{cores}</c>, the machine's cores (<c>{cores} cores</c> reads <c>1 core</c> on one).</summary>
    public string Expand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string cores = World.Cores.ToString(CultureInfo.InvariantCulture);
        return Core.Text.Placeholders.Fill(text, name => name == "cores" ? cores : null);
    }

    private List<int> Advance()
    {
        List<int> done = [];
        while (!IsFinished)
        {
            LabStep step = Lab.Steps[Current];
            if (_steps[Current].DoneAt is null)
            {
                if (step.Check is not { } check || !_held.TryGetValue(check, out DateTimeOffset at))
                {
                    break;
                }

                _steps[Current] = _steps[Current] with { DoneAt = at };
                done.Add(Current);
            }

            Current++;
        }

        return done;
    }

    private int FirstNotDone()
    {
        int i = 0;
        while (i < _steps.Length && _steps[i].DoneAt is not null)
        {
            i++;
        }

        return i;
    }

    private void AddPostOrder(Check check)
    {
        foreach (Check part in check.Parts)
        {
            AddPostOrder(part);
        }

        _checks.Add(check);
    }

    private ImmutableArray<string> Compute(ComputedAnswer computed) => computed == ComputedAnswer.FasterMode ? FasterMode() : [];

    /// <summary>The mode whose latest clean run of two or more workers was quicker; empty until there is one of each.</summary>
    private ImmutableArray<string> FasterMode()
    {
        FinishedRun? Latest(SchedulingMode mode) => World.Runs.LastOrDefault(r => r.Mode == mode && !r.ModeChanged && r.Workers.Length >= 2);
        if (Latest(SchedulingMode.Parallel) is not { } parallel || Latest(SchedulingMode.PauseOnWait) is not { } paused)
        {
            return [];
        }

        return [parallel.Makespan <= paused.Makespan ? "parallel" : "pause-on-wait"];
    }

    private static string? Choice(LabQuestion question, string given)
    {
        if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= question.Choices.Length)
        {
            return question.Choices[n - 1];
        }

        return question.Choices.FirstOrDefault(c => Normalize(c).Equals(given, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Without surrounding spaces, runs of spaces as one.</summary>
    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
