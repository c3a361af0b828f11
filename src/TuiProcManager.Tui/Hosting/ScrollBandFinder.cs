using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;

namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// Finds the band of rows worth scrolling on the terminal for the <see cref="TerminalMirror"/>: rows of
/// the new frame that show, shifted by k rows, what the terminal shows now.
/// </summary>
internal static class ScrollBandFinder
{
    /// <summary>Cells' worth of bytes a scroll costs (its escape sequences, about 20 bytes).</summary>
    private const int ScrollCost = 20;

    /// <summary>
    /// The best band to scroll: rows that show, shifted by k, what the terminal shows now, where moving
    /// them saves more cells than the rows scrolled in and the escape cost. Null when none is worth it.
    /// </summary>
    public static (int Top, int Bottom, int By)? Find(IOutputBuffer buffer, Cell[,] contents, ShownScreen shown, int rows, int cols)
    {
        // Only rows with dirty cells can be part of a moved band (a clean row shows what it showed).
        long[] now = new long[rows], before = new long[rows];
        int[] changed = new int[rows]; // cells of each row that differ from the terminal as it is
        for (int r = 0; r < rows; r++)
        {
            before[r] = shown.RowHash(r);
            if (buffer.DirtyLines[r])
            {
                now[r] = ShownScreen.HashOf(contents, r, cols);
                changed[r] = now[r] == before[r] && shown.SameRow(contents, r, r) ? 0 : shown.Differing(contents, r, r);
            }
            else
            {
                now[r] = -1; // matches no hash
            }
        }

        (int, int, int)? best = null;
        int bestSaving = 0;
        for (int k = 1; k < rows - 1; k++)
        {
            foreach (int by in new[] { k, -k })
            {
                int r = Math.Max(0, -by);
                while (r < rows && r + by < rows)
                {
                    if (!(now[r] == before[r + by] && before[r + by] != 0 && shown.SameRow(contents, r, r + by)))
                    {
                        r++;
                        continue;
                    }

                    int start = r, saved = 0;
                    while (r < rows && r + by < rows && r + by >= 0 && now[r] == before[r + by] && before[r + by] != 0 && shown.SameRow(contents, r, r + by))
                    {
                        saved += changed[r];
                        r++;
                    }

                    int end = r - 1;

                    // Up: rows end+1 .. end+k come in at the bottom; down: start-k .. start-1 at the top.
                    (int top, int bottom) = by > 0 ? (start, Math.Min(rows - 1, end + by)) : (Math.Max(0, start + by), end);
                    int cost = ScrollCost;
                    for (int n = by > 0 ? end + 1 : top; n <= (by > 0 ? bottom : start - 1); n++)
                    {
                        cost += cols - changed[n]; // written in full instead of only its changed cells
                    }

                    if (saved - cost > bestSaving && bottom - top >= 1)
                    {
                        bestSaving = saved - cost;
                        best = (top, bottom, by);
                    }
                }
            }
        }

        return best;
    }
}
