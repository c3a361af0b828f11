using System.Globalization;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>Asks how long to join for (<c>p.join(timeout)</c>), in seconds: 2 by default, fractions allowed.</summary>
internal sealed class JoinTimeoutDialog : FormDialog
{
    /// <summary>Longest timeout accepted, in seconds.</summary>
    public const double MaxSeconds = 3600;

    private readonly InputField _seconds;

    public JoinTimeoutDialog(string worker)
        : base($"Join {worker} with a timeout", "Join", 60, 1) =>
        _seconds = AddField(0, "timeout", "2", 10, "seconds, like p.join(2)");

    /// <summary>The timeout, once accepted.</summary>
    public TimeSpan Timeout { get; private set; }

    protected override string? Validate()
    {
        string text = _seconds.Text.Trim();
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double s) && s > 0 && s <= MaxSeconds)
        {
            Timeout = TimeSpan.FromSeconds(s);
            return null;
        }

        return $"timeout must be a number of seconds above 0 and up to {MaxSeconds:0}, got '{InputText.Shorten(text, MaxQuotedFieldLength)}'";
    }
}
