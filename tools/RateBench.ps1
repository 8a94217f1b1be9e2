<#
.SYNOPSIS
Several processes of one user side by side against the emulator's per-user limit (issue 20): with the shared limiter
(processes of one machine) or without it (independent clients, as on different machines). Returns one object per
scenario: wall time from the common start to the last client's end, the ratio to the limit's pace, the requests the
emulator refused, how far apart (ms) the clients began, and each client's share (its reruns per second against the mean
of all clients').
.DESCRIPTION
The limit's pace for R requests of Count per Period is (ceil(R / Count) - 1) * Period: the first Count start at once,
and each further Count a period later. Clients start together at one instant (a barrier a few seconds ahead, so that
pwsh start-up, Import-Module and each process's first request are not in the figure: each client connects with the
check, which warms its HTTP path, and the limit is set again a period later); each works through its own reruns with
Restart-DqcJob's defaults.
#>
param(
    [Parameter(Mandatory)] [string] $Root,
    # e.g. '2x100', '4x50', '8x25'
    [Parameter(Mandatory)] [string[]] $Scenario,
    [bool] $Shared = $true,
    [switch] $CountRefused,
    [int] $Count = 40,
    [int] $PeriodMs = 10000
)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $Root 'tools/DqcEmulator.psm1') -Force
$module = Join-Path $Root 'out/DataArtsQuality/DataArtsQuality.psd1'
$client = Join-Path $Root 'tools/RateBenchClient.ps1'
[string[]] $pwsh = if (Test-Path (Join-Path $PSHOME 'pwsh')) { @(Join-Path $PSHOME 'pwsh') } else { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) }

$emulatorArgs = @('--rate-limit', $Count, '--rate-limit-period-ms', $PeriodMs, '--instance-run-ms', '600000')
if ($CountRefused) { $emulatorArgs += '--rate-limit-count-refused' }
$emulator = Start-DqcEmulator -ArgumentList $emulatorArgs
try {
    $ids = @($emulator.QualityJobIds)
    foreach ($s in $Scenario) {
        $n, $each = [int[]]($s -split 'x')
        # A fresh state folder: nothing left from an earlier scenario or run (the children inherit the variable).
        $folder = Join-Path ([IO.Path]::GetTempPath()) ('dqc-rate-bench-' + [guid]::NewGuid().ToString('N'))
        $env:DQC_RATE_LIMIT_DIR = $folder
        # An empty window before the warm-up too: the scenario before may have filled it a moment ago, and a client
        # refused while warming up would start the timed run already slowed down by that 429 (the adaptive rate).
        $null = Invoke-RestMethod -Method Put -Uri "$($emulator.Url)/_emulator/rate-limit" -ContentType 'application/json' `
            -Body (@{ count = $Count; period_ms = $PeriodMs; count_refused = [bool]$CountRefused } | ConvertTo-Json)
        $procs = for ($i = 0; $i -lt $n; $i++) {
            $mine = @(for ($k = 0; $k -lt $each; $k++) { $ids[($i * $each + $k) % $ids.Count] }) -join ','
            $psi = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
            foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $client, '-Module', $module,
                    '-Url', $emulator.Url, '-ProjectId', $emulator.ProjectId, '-WorkspaceId', $emulator.WorkspaceId, '-Token', $emulator.Token,
                    '-Ids', $mine, '-StartAtTicks', 0, '-Shared', $(if ($Shared) { '1' } else { '0' }))) { $psi.ArgumentList.Add([string]$a) }
            $psi.RedirectStandardOutput = $true
            $psi.RedirectStandardError = $true
            $psi.RedirectStandardInput = $true
            $psi.UseShellExecute = $false
            [Diagnostics.Process]::Start($psi)
        }
        foreach ($p in $procs) {
            $line = $p.StandardOutput.ReadLine()
            if ($line -ne 'ready') { throw "A bench client did not start: $line $($p.StandardError.ReadToEnd())" }
        }
        # The warm-up checks are out of every window (the clients' own and the emulator's) a period later; setting the
        # limit again then zeroes the emulator's counters. Then all start together.
        Start-Sleep -Milliseconds ($PeriodMs + 200)
        $null = Invoke-RestMethod -Method Put -Uri "$($emulator.Url)/_emulator/rate-limit" -ContentType 'application/json' `
            -Body (@{ count = $Count; period_ms = $PeriodMs; count_refused = [bool]$CountRefused } | ConvertTo-Json)
        # Two seconds ahead: writing the instant to every client and each reading it took more than the 300 ms first used
        # here on a loaded 2-core machine, and a client that reads it late starts late (they started 95 to 287 ms after it).
        $startAt = [DateTime]::UtcNow.AddSeconds(2)
        foreach ($p in $procs) { $p.StandardInput.WriteLine([string]$startAt.Ticks); $p.StandardInput.Flush() }
        $results = foreach ($p in $procs) {
            $text = $p.StandardOutput.ReadToEnd()
            $p.WaitForExit()
            if ($p.ExitCode -ne 0) { throw "A bench client failed: $($p.StandardError.ReadToEnd())" }
            ($text -split "`n" | Where-Object { $_.Trim().StartsWith('{') } | Select-Object -Last 1) | ConvertFrom-Json
        }
        Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
        $limit = Get-DqcEmulatorRateLimit $emulator
        $total = $n * $each
        $pace = ([math]::Ceiling($total / $Count) - 1) * $PeriodMs / 1000
        $wall = (($results | ForEach-Object ended | Measure-Object -Maximum).Maximum - $startAt.Ticks) / 1e7
        $rates = @($results | ForEach-Object { $each / [math]::Max(0.001, ($_.ended - $startAt.Ticks) / 1e7) })
        $mean = ($rates | Measure-Object -Average).Average
        $shares = @($rates | ForEach-Object { $_ / $mean })
        [pscustomobject]@{
            Scenario     = "$n x $each"
            Shared       = $Shared
            CountRefused = [bool]$CountRefused
            Wall         = [math]::Round($wall, 1)
            Pace         = $pace
            Ratio        = [math]::Round($wall / $pace, 2)
            Refused      = [int]$limit.rejected
            Admitted     = [int]$limit.admitted
            RefusedShare = [math]::Round($limit.rejected / [math]::Max(1, $limit.rejected + $limit.admitted), 3)
            Instances    = ($results | Measure-Object instances -Sum).Sum
            Errors       = ($results | Measure-Object errors -Sum).Sum
            # How far apart the clients' first requests were: the adaptive rate is fair only to clients that start
            # within a few hundred milliseconds of each other (see AdaptiveRate).
            StartSpread  = [math]::Round((($results | ForEach-Object started | Measure-Object -Maximum).Maximum -
                    ($results | ForEach-Object started | Measure-Object -Minimum).Minimum) / 1e4)
            ShareMin     = [math]::Round(($shares | Measure-Object -Minimum).Minimum, 2)
            ShareMax     = [math]::Round(($shares | Measure-Object -Maximum).Maximum, 2)
        }
    }
}
finally {
    Remove-Item Env:DQC_RATE_LIMIT_DIR -ErrorAction SilentlyContinue
    Stop-DqcEmulator $emulator
}
