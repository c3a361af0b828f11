using System.Drawing;
using System.Globalization;
using Terminal.Gui.Views;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;
using TuiProcManager.Tui.Views.Pointer;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The Results panel, the shared results table (the lesson's <c>Manager</c>): every result of every
/// worker, single or pool, newest at the bottom, failures marked; follows the newest unless scrolled up.
/// It takes the Output panel's place (<c>r</c>).
/// </summary>
internal sealed class ResultsPanel : PanelView
{
    private readonly ResultsModel _model;
    private readonly ResultsListSource _source;
    private readonly ListView _list;
    private long _evictedSeen;
    private int _countSeen; // rows in view at the last refresh: was the user at the bottom then?
    private bool _following = true; // at the bottom at the last refresh: stays there when resized or first laid out

    public ResultsPanel(ResultsModel model, Func<WorkerId, string> names, StateGlyphs glyphs)
        : base(glyphs)
    {
        _model = model;
        CanFocus = true;
        _source = new ResultsListSource(model.Rows, names);
        _list = new ListView
        {
            Source = _source,
            KeystrokeNavigator = null, // else letters are taken for type-to-search and never reach our keys
        };
        SetContent(_list);
        MouseGesture.ScrollOnWheel(_list); // a notch scrolls 3 lines as PgUp does: scrolled up, the newest are no longer followed
        _list.FrameChanged += (_, _) =>
        {
            if (_following)
            {
                FollowNewest(); // hidden until now, or resized: the newest rows stay in view
            }
        };
        UpdateTitle();
    }

    /// <summary>New rows arrived (or the panel is shown again): redraw, following the newest if the user was there.</summary>
    public void Refresh()
    {
        Rectangle viewport = _list.Viewport;
        long evicted = _model.Rows.Evicted - _evictedSeen;
        _evictedSeen = _model.Rows.Evicted;
        _following = viewport.Y + viewport.Height >= _countSeen || _countSeen <= viewport.Height;
        _countSeen = _model.Rows.Count;
        _source.Changed();
        if (_following)
        {
            FollowNewest();
        }
        else if (evicted > 0)
        {
            // Older rows fell out: keep the same rows in view.
            _list.Viewport = viewport with { Y = (int)Math.Max(0, viewport.Y - evicted) };
        }

        UpdateTitle();
    }

    private void FollowNewest() =>
        _list.Viewport = _list.Viewport with { Y = Math.Max(0, _source.Count - Math.Max(1, _list.Viewport.Height)) };

    /// <summary>Gives the list the keyboard.</summary>
    public void FocusList() => _list.SetFocus();

    private void UpdateTitle()
    {
        string text = $"Results · {N(_model.Succeeded)} ok";
        if (_model.Failed > 0)
        {
            text += $" · {N(_model.Failed)} failed";
        }

        if (_model.Dropped > 0)
        {
            text += $" · the latest {N(_model.Rows.Count)} of {N(_model.Total)} kept";
        }

        Title = text + " · r: pool";
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
