using System.Management.Automation;

namespace DataArtsQuality.Commands;

/// <summary>
/// One progress bar of a cmdlet. Every write sends a fresh record (hosts and the Progress stream keep the one they
/// were given, so one mutated record would show only its last state); Complete ends a bar that was shown.
/// </summary>
internal sealed class ProgressBar
{
    private readonly Cmdlet _cmdlet;

    public ProgressBar(Cmdlet cmdlet, int activityId, string activity)
    {
        _cmdlet = cmdlet;
        Record = new ProgressRecord(activityId, activity, activity);
    }

    /// <summary>The record the next write sends: set its fields, then <see cref="Write"/>.</summary>
    public ProgressRecord Record { get; private set; }

    /// <summary>Whether a record was written since the bar began or was last completed.</summary>
    public bool Shown { get; private set; }

    public void Write()
    {
        Shown = true;
        Record.RecordType = ProgressRecordType.Processing;
        _cmdlet.WriteProgress(Record);
        Record = Next(Record);
    }

    public void Complete()
    {
        if (!Shown) return;
        Record.RecordType = ProgressRecordType.Completed;
        _cmdlet.WriteProgress(Record);
        Record = Next(Record);
        Shown = false;
    }

    private static ProgressRecord Next(ProgressRecord written) =>
        new ProgressRecord(written.ActivityId, written.Activity, written.StatusDescription);
}
