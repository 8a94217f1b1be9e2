<#
.SYNOPSIS
Benchmark: pipes N rule IDs into Restart-DqcJob against an emulator that enforces the real limit (40 requests per
caller per 10 s) and reports throttling errors, lost/duplicated reruns and the time against the ideal.
.EXAMPLE
pwsh ./tools/Measure-DqcRateLimit.ps1 -Count 500
#>
param([int] $Count = 500, [int] $Limit = 40, [int] $PeriodMs = 10000, [int] $ThrottleLimit = 4)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
Import-Module (Join-Path $root 'out/DataArtsQuality/DataArtsQuality.psd1') -Force
Import-Module (Join-Path $root 'tools/DqcEmulator.psm1') -Force
$emulator = Start-DqcEmulator -ArgumentList '--rate-limit', $Limit, '--rate-limit-period-ms', $PeriodMs, '--instance-run-ms', '500'
try {
    Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token
    Set-DqcConfig -RateLimitCount $Limit -RateLimitPeriodSec ($PeriodMs / 1000)
    $ids = 1..$Count | ForEach-Object { $emulator.QualityJobIds[$_ % $emulator.QualityJobIds.Count] }
    $before = @(Get-DqcEmulatorInstance $emulator).Count
    $errors = $null
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $instances = @($ids | Restart-DqcJob -ThrottleLimit $ThrottleLimit -ErrorVariable errors -ErrorAction SilentlyContinue)
    $watch.Stop()
    $created = @(Get-DqcEmulatorInstance $emulator).Count - $before
    $ideal = [math]::Ceiling($Count / $Limit - 1) * $PeriodMs / 1000
    $rate = Get-DqcEmulatorRateLimit $emulator
    [pscustomobject]@{
        Requests         = $Count
        Limit            = "$Limit per $($PeriodMs / 1000) s"
        ThrottleLimit    = $ThrottleLimit
        Instances        = $instances.Count
        Created          = $created
        Errors           = @($errors).Count
        Rejected429      = $rate.rejected
        OrderKept        = (($instances.RuleId -join ',') -eq ($ids -join ','))
        ElapsedSec       = [math]::Round($watch.Elapsed.TotalSeconds, 1)
        IdealSec         = $ideal
    }
}
finally {
    Disconnect-DqcWorkspace
    Stop-DqcEmulator $emulator
}
