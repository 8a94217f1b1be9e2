<#
.SYNOPSIS
One client of tools/RateBench.ps1: a separate pwsh process that reruns its share of jobs as one user, starting at a
given instant so that all clients start together. Writes one JSON line: when it started and ended, instances, errors.
#>
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $ProjectId,
    [Parameter(Mandatory)] [string] $WorkspaceId,
    [Parameter(Mandatory)] [string] $Token,
    [Parameter(Mandatory)] [string] $Ids,
    [Parameter(Mandatory)] [long] $StartAtTicks,
    [int] $Shared = 1
)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
Import-Module $Module
Set-DqcConfig -SharedRateLimit ([bool]$Shared)
# -SkipCheck: the connect check would be one more request of the user, outside the timed run.
Connect-DqcWorkspace -Endpoint $Url -ProjectId $ProjectId -WorkspaceId $WorkspaceId -Token $Token -SkipCheck
$ruleIds = @($Ids -split ',')
$startAt = [DateTime]::new($StartAtTicks, [DateTimeKind]::Utc)
while ($true) {
    $left = ($startAt - [DateTime]::UtcNow).TotalMilliseconds
    if ($left -le 0) { break }
    if ($left -gt 30) { Start-Sleep -Milliseconds ([int]($left - 20)) }
}
$started = [DateTime]::UtcNow
$errors = $null
$out = @($ruleIds | Restart-DqcJob -ErrorVariable errors -ErrorAction SilentlyContinue)
$ended = [DateTime]::UtcNow
[Console]::Out.WriteLine((@{ started = $started.Ticks; ended = $ended.Ticks; instances = $out.Count; errors = @($errors).Count } | ConvertTo-Json -Compress))
