namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// A worker that tries every way output can take over a terminal, then prints <c>after</c> and sleeps.
/// Each attempt ends with a plain word, so a test can find what it turned into on the screen.
/// </summary>
internal static class HostileWorker
{
    /// <summary>What each attempt must be shown as: the sequence made visible, then its word.</summary>
    public static readonly string[] ShownAs =
    [
        "^[]0;PWNED^Gtitle",                            // window title (OSC 0)
        "^[[2Jclear^[[H",                               // clear the screen, cursor home
        "^[]52;c;SGVsbG8=^Gclip",                       // write the clipboard (OSC 52)
        @"^[]8;;http://evil.example/^[\link^[]8;;^[\",  // hyperlink (OSC 8)
        "^[[5A^[[20Cmoved^[[1;1H",                      // cursor up, right, to the corner
        @"\x9B2J c1",                                   // the one-character CSI (C1)
        "^[]0;never ended",                             // an escape sequence never terminated...
        "after",                                        // ...does not swallow what follows
    ];

    /// <summary>
    /// The Python script; it sleeps <paramref name="sleepSeconds"/> at the end. With
    /// <paramref name="hostileChild"/>, it also starts a child that names itself (its /proc comm, shown in
    /// the process table) with an escape sequence.
    /// </summary>
    public static string Script(bool hostileChild, int sleepSeconds = 60) => (hostileChild
        ? """
          import subprocess, sys, time
          child = subprocess.Popen([sys.executable, "-c", "open('/proc/self/comm','w').write('\\x1b]0;PWNKID\\x07'); import time; time.sleep(60)"])
          """
        : """
          import sys, time
          """) + "\n" + """
        print("\x1b]0;PWNED\x07title", flush=True)
        print("\x1b[2Jclear\x1b[H", flush=True)
        print("\x1b]52;c;SGVsbG8=\x07clip", flush=True)
        print("\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\", flush=True)
        print("\x1b[5A\x1b[20Cmoved\x1b[1;1H", flush=True)
        print("\x9b2J c1", flush=True)
        sys.stdout.write("\x1b]0;never ended")
        sys.stdout.flush()
        print("\nafter", flush=True)
        """ + $"\ntime.sleep({sleepSeconds})\n";
}
