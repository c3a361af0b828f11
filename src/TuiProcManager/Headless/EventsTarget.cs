namespace TuiProcManager.Headless;

/// <summary>Which of our own standard streams the <c>--events</c> file is, if either (see <see cref="RunFiles.EventsTarget"/>).</summary>
internal enum EventsTarget
{
    /// <summary>No events file, or one that is neither our stdout nor our stderr.</summary>
    None,

    /// <summary>The events go to our stdout (<c>--events /dev/stdout</c>, or the file stdout was redirected to).</summary>
    Stdout,

    /// <summary>The events go to our stderr.</summary>
    Stderr,
}
