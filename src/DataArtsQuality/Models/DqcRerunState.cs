namespace DataArtsQuality.Models;

/// <summary>What is known of a rerun that was sent (Get-DqcRerun's State).</summary>
public enum DqcRerunState
{
    /// <summary>Sent; no answer yet.</summary>
    InFlight,
    /// <summary>The service answered with the new instance ID.</summary>
    Started,
    /// <summary>The service answered that it did not start the job (a 4xx or another answer before
    /// processing).</summary>
    Refused,
    /// <summary>
    /// Sent, and no answer says whether it started: a timeout, a connection broken after sending, HTTP 500/504, a 2xx
    /// whose body could not be read, or a stop while it was in flight. Resolve-DqcRerun looks for its run.
    /// </summary>
    InDoubt,
    /// <summary>Was in doubt; its run was found in the job's instances (InstanceId is that run).</summary>
    Found,
    /// <summary>Was in doubt; no run of the job that started after the send was found.</summary>
    NotFound,
}
