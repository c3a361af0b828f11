namespace TuiProcManager.Linux.Processes;

/// <summary>The fds a new child gets, as numbers in our process; the child sees them as 0, 1, 2 and 3.</summary>
/// <param name="Stdin">Becomes fd 0; negative: /dev/null.</param>
/// <param name="Stdout">Becomes fd 1; negative: /dev/null.</param>
/// <param name="Stderr">Becomes fd 2; negative: /dev/null.</param>
/// <param name="Results">Becomes fd 3; negative: the child has no fd 3 at all.</param>
internal readonly record struct ChildFds(int Stdin, int Stdout, int Stderr, int Results = -1)
{
    /// <summary>The lowest fd number the child must not have: 4 with a results pipe, else 3.</summary>
    public int FirstUnused => Results >= 0 ? 4 : 3;
}
