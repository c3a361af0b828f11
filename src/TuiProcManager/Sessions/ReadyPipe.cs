using Microsoft.Win32.SafeHandles;

namespace TuiProcManager.Sessions;

/// <summary>
/// The session server's end of the pipe its starter waits on: one line, <c>ready</c> once it accepts
/// connections, or the one line of why it cannot run; then closed. A server started by hand has none.
/// </summary>
internal sealed class ReadyPipe(int fd)
{
    /// <summary>The line that means ready.</summary>
    public const string ReadyLine = "ready";

    private bool _said;

    public void Ready() => Say(ReadyLine);

    public void Failed(string problem) => Say(problem.ReplaceLineEndings(" "));

    private void Say(string line)
    {
        if (fd < 0 || _said)
        {
            return;
        }

        _said = true;
        try
        {
            using FileStream pipe = new(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Write, bufferSize: 0);
            pipe.Write(System.Text.Encoding.UTF8.GetBytes(line + "\n"));
        }
        catch (IOException)
        {
            // The starter gave up waiting: the log has it.
        }
    }
}
