using System.Text;
using System.Text.Json;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Headless;

namespace TuiProcManager.Tests.Headless;

public sealed class EventJsonTests
{
    [Fact]
    public void Types_NameEveryEventTheSupervisorPublishes()
    {
        // Pins: WorkerOutputHeld was published before it had a name here, and the events file writer died
        // with "Runtime type … is not supported by polymorphic type" at the first hold.
        Type[] published = [.. typeof(SupervisorEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(SupervisorEvent)) && !t.IsAbstract)];

        Assert.Empty(published.Except(EventJson.Types.Select(t => t.Type)));
        Assert.Equal(EventJson.Types.Count, EventJson.Types.Select(t => t.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("Square: 100", OutputChannel.Stdout)]
    [InlineData("", OutputChannel.Stderr)]
    [InlineData("\u001b]0;title\u0007 \"quoted\" \\ tab\t é ✓ \ud83d\ude00 <script>&'", OutputChannel.Stdout)]
    [InlineData("\ufffd\u0000\u007f\u0085", OutputChannel.Stderr)]
    public void WriteOutputLine_IsByteForByteWhatTheSerializerWrites(string text, OutputChannel channel)
    {
        OutputLine line = new(123_456_789_012, new DateTimeOffset(2026, 12, 5, 9, 36, 27, 863, TimeSpan.Zero).AddTicks(3689), new WorkerId(42), channel, text, 77);

        Assert.Equal(Serialized(json => JsonSerializer.Serialize(json, (SupervisorEvent)line, EventJson.Options)), Serialized(json => EventJson.WriteOutputLine(json, line)));
    }

    private static string Serialized(Action<Utf8JsonWriter> write)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter json = new(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
