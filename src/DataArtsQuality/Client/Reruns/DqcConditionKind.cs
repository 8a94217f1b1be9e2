namespace DataArtsQuality.Client.Reruns;

/// <summary>What a conditional rerun's check decided.</summary>
internal enum DqcConditionKind
{
    /// <summary>No newer run: start the job.</summary>
    Start,
    /// <summary>The service lists a run of the job newer than the reference: not started; that run stands for
    /// it.</summary>
    NewerRun,
    /// <summary>A rerun of the job was sent after the reference by this process (its run may not be listed
    /// yet).</summary>
    RerunSent,
}
