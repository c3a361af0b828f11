namespace TuiProcManager.Linux.Processes;

/// <summary>The fds a new child gets, as numbers in our process; the child sees them as 0 to 4.</summary>
/// <param name="Stdin">Becomes fd 0; negative: /dev/null.</param>
/// <param name="Stdout">Becomes fd 1; negative: /dev/null.</param>
/// <param name="Stderr">Becomes fd 2; negative: /dev/null.</param>
/// <param name="Results">Becomes fd 3; negative: the child has no fd 3 at all.</param>
/// <param name="Extra">Becomes fd 4; negative: the child has no fd 4. It must not be our fd 3, which the
/// copy of <paramref name="Results"/> replaces before this one is copied (<see cref="Hosting.DetachedProcess"/>
/// passes a copy numbered 10 or more).</param>
internal readonly record struct ChildFds(int Stdin, int Stdout, int Stderr, int Results = -1, int Extra = -1)
{
    /// <summary>The lowest fd number the child must not have: 5 with an extra fd, 4 with a results pipe, else 3.</summary>
    public int FirstUnused => Extra >= 0 ? 5 : Results >= 0 ? 4 : 3;
}
