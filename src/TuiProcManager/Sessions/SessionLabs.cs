using System.Diagnostics.CodeAnalysis;
using TuiProcManager.CommandLine;
using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Catalog;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Server;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Sessions;

/// <summary>
/// A lab in a session: how the session server is told which lab (<c>--lab SOURCE</c>), how it opens it, and
/// how a client that attaches finds the same lab again to show what the server decides.
/// </summary>
internal static class SessionLabs
{
    /// <summary>
    /// The session of this user that has the lab <paramref name="source"/> open, or null: two servers of one
    /// lab would save over each other's progress, so a second is refused (the first is attached instead).
    /// </summary>
    public static string? SessionWith(string source)
    {
        foreach (string name in SessionConnector.Directory.Names())
        {
            try
            {
                using SessionConnection session = SessionConnector.ConnectAsync(name, "lab").GetAwaiter().GetResult();
                if (session.Hello.Lab?.Source == source)
                {
                    return name;
                }
            }
            catch (Exception e) when (e is SessionException or ArgumentException)
            {
                // Gone, or not ours to ask: it has no lab open that could be saved over.
            }
        }

        return null;
    }

    /// <summary>The server's lab: found, its saved progress resumed, kept by a <see cref="LabKeeper"/>.</summary>
    public static bool TryOpen(string source, TimeProvider time, MachineFacts machine, [NotNullWhen(true)] out SessionLab? lab, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(machine);
        lab = null;
        if (!TryFind(source, out Lab? found, out string? key, out problem))
        {
            return false;
        }

        ProgressStore store = ProgressStore.ForUser(RegularFileReader.Instance);
        LabProgress? saved = store.Load(key, out _); // a problem was said by the client that started the session (it loaded first)
        lab = new SessionLab(new LabKeeper(found, store, key, saved, time, machine.Cores), source);
        return true;
    }

    /// <summary>
    /// The lab a client shows for <paramref name="remote"/>: found as the server found it, decided there.
    /// Null, with the one line of why, when this tuiproc cannot find it (a lab file on another host).
    /// </summary>
    public static LabOptions? ForClient(RemoteLab remote, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return Shown(remote.Info.Source, remote.Current, remote, out problem, $"the session's lab {remote.Info.Id}");
    }

    /// <summary>
    /// The lab at <paramref name="source"/> as a UI shows it when <paramref name="authority"/> decides it (a
    /// session's server, a recording): found here, starting from <paramref name="progress"/>. Null, with
    /// "<paramref name="named"/> cannot be shown: why", when this tuiproc cannot find it.
    /// </summary>
    public static LabOptions? Shown(string source, LabProgress progress, ILabAuthority authority, out string? problem, string named)
    {
        if (!TryFind(source, out Lab? lab, out string? key, out string? notFound))
        {
            problem = $"{named} cannot be shown: {notFound}";
            return null;
        }

        problem = null;
        return new LabOptions
        {
            Lab = lab,
            Store = ProgressStore.ForUser(RegularFileReader.Instance), // never written here: the authority saves, or nothing does
            ProgressKey = key,
            Saved = progress,
            Authority = authority,
            Files = OutputFileOpener.Instance,
        };
    }

    private static bool TryFind(string source, [NotNullWhen(true)] out Lab? lab, [NotNullWhen(true)] out string? key, [NotNullWhen(false)] out string? problem)
    {
        LabCatalog catalog = LabCommandContext.Catalog();
        try
        {
            lab = catalog.Find(source);
            key = ProgressStore.KeyFor(lab.Id, lab.Source, catalog.IsShipped(lab));
            problem = null;
            return true;
        }
        catch (Exception e) when (e is LabFormatException or KeyNotFoundException)
        {
            (lab, key, problem) = (null, null, e is KeyNotFoundException ? e.Message : "lab file " + e.Message);
            return false;
        }
    }
}
