<#
.SYNOPSIS
Re-runs every quality job whose run failed since -Since, waits for the new runs and reports how they ended.
.DESCRIPTION
Needs a connection (Connect-DqcWorkspace). A job is re-run once however many of its runs failed. When the connection
drops while a rerun is being sent, nobody knows whether it started: the runbook looks for a new run of that job and
sends the rerun again only if there is none.
#>
param(
    [datetime] $Since = (Get-Date).AddDays(-1),
    [int] $PollIntervalSec = 10
)
$ErrorActionPreference = 'Stop'

$failedJobs = Get-DqcInstance -RunStatus FAILED -After $Since | Sort-Object RuleId -Unique
$sentAt = Get-Date
$reruns = @($failedJobs | Restart-DqcJob -ErrorAction SilentlyContinue -ErrorVariable rerunErrors)
foreach ($problem in $rerunErrors) {
    if ($problem.FullyQualifiedErrorId -notlike 'DqcRerunOutcomeUnknown,*') { throw $problem }
    $jobId = [string] $problem.TargetObject
    $newRun = Get-DqcInstance -JobId $jobId -After $sentAt
    $reruns += if ($newRun) { $newRun } else { Restart-DqcJob -RuleId $jobId }
}

$reruns | Wait-DqcInstance -PollIntervalSec $PollIntervalSec | ForEach-Object {
    [pscustomobject]@{ JobId = $_.RuleId; Run = $_.Name; Status = $_.RunStatus; InstanceId = $_.InstanceId }
}
