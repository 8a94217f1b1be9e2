using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>
/// Items done (of the total when known) for a cmdlet that works through many items. Nothing is written for a
/// single item; $ProgressPreference silences it like any progress.
/// </summary>
internal sealed class ItemProgress
{
    private static int _nextActivityId = 7300;
    private readonly ProgressBar _bar;
    private readonly string _done;
    private readonly int? _total;
    private int _count;
    private readonly System.Diagnostics.Stopwatch _sinceWrite = new System.Diagnostics.Stopwatch();

    /// <summary>
    /// At most one record in this interval (the first and the last of a known total always): thousands of fast
    /// items would otherwise spend more on progress records than on the work.
    /// </summary>
    private static readonly System.TimeSpan Interval = System.TimeSpan.FromMilliseconds(200);

    public ItemProgress(Cmdlet cmdlet, string activity, string done, int? total)
    {
        _done = done;
        _total = total;
        _bar = new ProgressBar(cmdlet, System.Threading.Interlocked.Increment(ref _nextActivityId), activity);
    }

    public void ItemDone(int items = 1)
    {
        _count += items;
        // One item needs no progress; from the second on (or with a known total above one) it is shown.
        if (_total is int known ? known < 2 : _count < 2) return;
        if (_bar.Shown && _sinceWrite.Elapsed < Interval && _count != _total) return;
        _sinceWrite.Restart();
        _bar.Record.StatusDescription = _total is int total
            ? string.Format(CultureInfo.InvariantCulture, "{0:N0} of {1:N0} {2}", _count, total, _done)
            : string.Format(CultureInfo.InvariantCulture, "{0:N0} {1}", _count, _done);
        _bar.Record.PercentComplete = _total is int t && t > 0 ? System.Math.Min(100, _count * 100 / t) : -1;
        _bar.Write();
    }

    public void Complete() => _bar.Complete();
}
