<#
.SYNOPSIS
Re-runs every quality job whose run failed since -Since, waits for the new runs and reports how they ended.
.DESCRIPTION
Needs a connection (Connect-DqcWorkspace). A job is re-run once however many of its runs failed, and the runbook can
be run again (a restart from the top, a retried CI job): the failed runs are piped to Restart-DqcJob, which starts a
job only if it has not run since that failed run. A job that has (a rerun by an earlier run of this runbook, still
running or finished) is not started again; its newer run is waited for and reported instead. A rerun of this run
that failed by the time the runbook runs again is a new failure, and is re-run.
When the answer to a rerun is lost, Restart-DqcJob finds its run among the job's instances; a rerun whose run it
did not find did not start, and is sent again here on purpose (still only if the job has not run since).
#>
param(
    [datetime] $Since = (Get-Date).AddDays(-1),
    [int] $PollIntervalSec = 10
)
$ErrorActionPreference = 'Stop'

# Each job's latest failed run: the state the conditional rerun is measured against.
$failed = @(Get-DqcInstance -RunStatus FAILED -After $Since | Group-Object RuleId |
    ForEach-Object { $_.Group | Sort-Object StartTime -Descending | Select-Object -First 1 })
$runs = @($failed | Restart-DqcJob -Wait -PollIntervalSec $PollIntervalSec -ErrorAction SilentlyContinue -ErrorVariable rerunErrors)
foreach ($problem in $rerunErrors) {
    if ($problem.FullyQualifiedErrorId -notlike 'DqcRerunOutcomeUnknown,*') { throw $problem }
    $runs += $failed | Where-Object RuleId -eq $problem.TargetObject | Restart-DqcJob -Wait -PollIntervalSec $PollIntervalSec
}

$runs | ForEach-Object {
    [pscustomobject]@{ JobId = $_.RuleId; Run = $_.Name; Status = $_.RunStatus; InstanceId = $_.InstanceId }
}
