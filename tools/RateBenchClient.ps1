<#
.SYNOPSIS
One client of tools/RateBench.ps1: a separate pwsh process that reruns its share of jobs as one user, starting at a
given instant so that all clients start together. Writes one JSON line: when it started and ended, instances, errors.
With -StartAtTicks 0 it warms up first (a connect with its check and one rerun, which the caller clears from the emulator's count),
writes 'ready' and reads the instant from its standard input: a cold process's first
request costs it a JIT and a connection, and clients a hundred milliseconds apart are no longer side by side.
#>
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $ProjectId,
    [Parameter(Mandatory)] [string] $WorkspaceId,
    [Parameter(Mandatory)] [string] $Token,
    [Parameter(Mandatory)] [string] $Ids,
    [Parameter(Mandatory)] [long] $StartAtTicks,
    [int] $Shared = 1,
    # The client-side limit (the module's default is the service's, 40 per 10 s); tests use a faster one.
    [int] $RateLimitCount = 40,
    [double] $RateLimitPeriodSec = 10
)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
Import-Module $Module
Set-DqcConfig -SharedRateLimit ([bool]$Shared) -RateLimitCount $RateLimitCount -RateLimitPeriodSec $RateLimitPeriodSec
$ruleIds = @($Ids -split ',')
if ($StartAtTicks -eq 0) {
    Connect-DqcWorkspace -Endpoint $Url -ProjectId $ProjectId -WorkspaceId $WorkspaceId -Token $Token
    # One rerun of its first job warms the rerun path too (the cmdlet, the POST, the answer's parsing): a cold
    # Restart-DqcJob costs a process hundreds of milliseconds of JIT on a loaded machine, and clients that far apart are
    # no longer started together. The caller waits a period after 'ready', so this rerun is out of every window.
    $null = Restart-DqcJob -RuleId $ruleIds[0] -Confirm:$false
    [Console]::Out.WriteLine('ready')
    [Console]::Out.Flush()
    $StartAtTicks = [long][Console]::In.ReadLine()
}
else {
    # -SkipCheck: the connect check would be one more request of the user, outside the timed run.
    Connect-DqcWorkspace -Endpoint $Url -ProjectId $ProjectId -WorkspaceId $WorkspaceId -Token $Token -SkipCheck
}
$startAt = [DateTime]::new($StartAtTicks, [DateTimeKind]::Utc)
while ($true) {
    $left = ($startAt - [DateTime]::UtcNow).TotalMilliseconds
    if ($left -le 0) { break }
    # Thread.Sleep, not Start-Sleep: Start-Sleep -Milliseconds 3000 took 3.19 s here, so clients woke 150-250 ms late.
    if ($left -gt 30) { [Threading.Thread]::Sleep([int]($left - 20)) }
}
$started = [DateTime]::UtcNow
$errors = $null
$out = @($ruleIds | Restart-DqcJob -ErrorVariable errors -ErrorAction SilentlyContinue)
$ended = [DateTime]::UtcNow
[Console]::Out.WriteLine((@{ started = $started.Ticks; ended = $ended.Ticks; instances = $out.Count; errors = @($errors).Count } | ConvertTo-Json -Compress))
