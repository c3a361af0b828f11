using System.Text;
using TuiProcManager.Labs.Format;

namespace TuiProcManager.Labs.Tests.TestSupport;

/// <summary>Small labs written inline for the tests.</summary>
internal static class TestLabs
{
    public static Lab Parse(string steps) => LabReader.Parse(Encoding.UTF8.GetBytes($$"""
        { "format": "tuiproc-lab/1", "id": "t", "name": "test", "title": "Test", "summary": "s", "steps": [ {{steps}} ] }
        """), "test.json");

    /// <summary>Start a square; a typed question; join; a computed question.</summary>
    public static Lab FourSteps { get; } = Parse("""
        { "id": "start", "title": "Start", "text": "s", "hints": ["one", "two"], "check": { "spawned": { "kind": "square" } } },
        { "id": "ask", "title": "Ask", "text": "?", "question": { "answers": ["Square: 100", "100"] } },
        { "id": "join", "title": "Join", "text": "j", "check": { "joined": {} } },
        { "id": "faster", "title": "Faster?", "text": "?", "question": { "choices": ["parallel", "pause-on-wait"], "answerFrom": "fasterMode" } }
        """);
}
