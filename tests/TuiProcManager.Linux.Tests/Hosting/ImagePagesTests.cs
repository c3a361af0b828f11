using TuiProcManager.Linux.Hosting;

namespace TuiProcManager.Linux.Tests.Hosting;

/// <summary>
/// A quiet process lets go of its executable's clean pages (a session server's image was most of its
/// resident memory): they are dropped, and the process goes on running from the page cache.
/// </summary>
public sealed class ImagePagesTests
{
    [Fact]
    public void DropUnused_TheExecutablesCleanPages_AreDropped_AndComeBackWhenUsed()
    {
        long first = ImagePages.DropUnused();
        Assert.True(first > 0, "nothing of the executable was resident");

        // The host runs on, from pages mapped again: what the second call finds is only what came back.
        using System.Diagnostics.Process child = System.Diagnostics.Process.Start("true")!;
        child.WaitForExit();
        long second = ImagePages.DropUnused();
        Assert.InRange(second, 0, first);
    }
}
