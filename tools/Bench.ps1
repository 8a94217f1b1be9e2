<#
.SYNOPSIS
The benchmark behind `pwsh ./build.ps1 bench`. Every figure is a ratio against a baseline measured in the same run
(these machines are noisy), reported as the median of several runs with min and max.
Writes out/bench/results.md and out/bench/results.json.
#>
param(
    [Parameter(Mandatory)] [string] $Root,
    [int] $Runs = 5,
    # Smaller workloads for a quick look; the published figures use the defaults.
    [switch] $Quick
)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $Root 'tools/DqcEmulator.psm1') -Force
$module = Join-Path $Root 'out/DataArtsQuality'
$benchOut = Join-Path $Root 'out/bench'
$null = New-Item -ItemType Directory -Path $benchOut -Force
$results = [System.Collections.Generic.List[object]]::new()

function Get-Stats([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    [pscustomobject]@{ Median = $sorted[[int][math]::Floor($sorted.Count / 2)]; Min = $sorted[0]; Max = $sorted[-1]; Runs = $sorted.Count }
}

function Add-Result {
    param([string] $Figure, [string] $Target, [string] $Unit, $Baseline, $Ours, [double] $Ratio, [bool] $Met, [string] $Note = '')
    $results.Add([pscustomobject]@{
            Figure = $Figure; Target = $Target; Unit = $Unit
            Baseline = $Baseline; Ours = $Ours; Ratio = [math]::Round($Ratio, 2); Met = $Met; Note = $Note
        })
    Write-Host ("{0}: ours {1} vs baseline {2} {3} -> ratio {4:0.00} ({5})" -f $Figure, (Format-Stats $Ours), (Format-Stats $Baseline), $Unit, $Ratio, $(if ($Met) { 'target met' } else { 'target MISSED' })) -ForegroundColor $(if ($Met) { 'Green' } else { 'Yellow' })
}

function Format-Stats($s) {
    if ($null -eq $s) { return 'n/a' }
    if ($s -is [pscustomobject] -and $s.PSObject.Properties['Median']) { return ('{0:0.###} (min {1:0.###}, max {2:0.###}, n={3})' -f $s.Median, $s.Min, $s.Max, $s.Runs) }
    return [string]$s
}

[string[]] $pwsh = if (Test-Path (Join-Path $PSHOME 'pwsh')) { @(Join-Path $PSHOME 'pwsh') } else { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) }
function Invoke-PwshSeconds([string] $Command) {
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $Command | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "pwsh -c '$Command' failed." }
    $watch.Elapsed.TotalSeconds
}

# 1. Import time: pwsh -c "Import-Module ..." minus pwsh -c exit, ours against PSResourceGet (shipped with pwsh).
# Process start-up is noisy, so the runs are interleaved and there are more of them. The first Import-Module of a
# session also pays PowerShell's own module-system warm-up (about as much again as either module), which neither
# module can avoid; the second figure takes that out by importing a small in-box module first and timing in-process.
Write-Host "`n1. Import" -ForegroundColor Cyan
$importRuns = [math]::Max(2 * $Runs, 9)
$empty = @(); $oursImport = @(); $peerImport = @(); $oursMarginal = @(); $peerMarginal = @()
$marginal = '$null = Import-Module Microsoft.PowerShell.Security; $w = [Diagnostics.Stopwatch]::StartNew(); Import-Module {0}; [Console]::Out.Write($w.Elapsed.TotalSeconds)'
for ($i = 0; $i -lt $importRuns; $i++) {
    $e = Invoke-PwshSeconds 'exit'
    $o = Invoke-PwshSeconds "Import-Module '$module'"
    $p = Invoke-PwshSeconds 'Import-Module Microsoft.PowerShell.PSResourceGet'
    $empty += $e; $oursImport += ($o - $e); $peerImport += ($p - $e)
    $oursMarginal += [double](& $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command ($marginal -f "'$module'"))
    $peerMarginal += [double](& $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command ($marginal -f 'Microsoft.PowerShell.PSResourceGet'))
}
$oursStats = Get-Stats $oursImport; $peerStats = Get-Stats $peerImport
$ratio = if ($oursStats.Median -gt 0) { $peerStats.Median / $oursStats.Median } else { [double]::PositiveInfinity }
Add-Result -Figure 'Import-Module overhead, wall time minus empty pwsh (s)' -Target '<= 0.25 s and <= 1/5 of PSResourceGet (ratio >= 5)' -Unit 's' `
    -Baseline $peerStats -Ours $oursStats -Ratio $ratio -Met ($oursStats.Median -le 0.25 -and $ratio -ge 5) `
    -Note ("empty pwsh start {0:0.###} s median; includes PowerShell's first-import warm-up, common to both" -f (Get-Stats $empty).Median)
$oursM = Get-Stats $oursMarginal; $peerM = Get-Stats $peerMarginal
$ratioM = if ($oursM.Median -gt 0) { $peerM.Median / $oursM.Median } else { [double]::PositiveInfinity }
Add-Result -Figure 'Import-Module, in-process after the module system is warm (s)' -Target '<= 1/5 of PSResourceGet (ratio >= 5)' -Unit 's' `
    -Baseline $peerM -Ours $oursM -Ratio $ratioM -Met ($ratioM -ge 5) -Note 'the cost each module itself adds'

Import-Module $module -Force

# 2. Throughput: rule IDs piped into Restart-DqcJob against a hand-written Invoke-RestMethod loop with the same
# headers, both on the emulator with its limits off (and the module's client-side limit off, to compare like with like).
Write-Host "`n2. Throughput" -ForegroundColor Cyan
$restarts = if ($Quick) { 400 } else { 2000 }
$emulator = Start-DqcEmulator -ArgumentList '--instance-run-ms', '600000'
try {
    Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token
    Set-DqcConfig -RateLimitCount 0
    $ids = @(Get-DqcJob -First 200 | ForEach-Object Id)
    $ruleIds = @(for ($i = 0; $i -lt $restarts; $i++) { $ids[$i % $ids.Count] })
    $uri = "$($emulator.Url)/v2/$($emulator.ProjectId)/quality/instances/restart"
    $headers = @{ workspace = $emulator.WorkspaceId; 'X-Auth-Token' = $emulator.Token }
    # Warm both paths up (JIT, connection pools) before anything is timed.
    $null = $ruleIds[0..199] | Restart-DqcJob
    foreach ($id in $ruleIds[0..199]) {
        $null = Invoke-RestMethod -Method Post -Uri $uri -Headers $headers -ContentType 'application/json' -Body ('{"rule_type":1,"rule_id":"' + $id + '"}')
    }
    Reset-DqcEmulator $emulator
    $oursRate = @(); $baseRate = @()
    for ($r = 0; $r -lt [math]::Max($Runs, 5); $r++) {
        $w = [Diagnostics.Stopwatch]::StartNew()
        $out = @($ruleIds | Restart-DqcJob)
        $oursRate += $w.Elapsed.TotalSeconds
        if ($out.Count -ne $restarts) { throw "Restart-DqcJob returned $($out.Count) of $restarts instances." }
        $w.Restart()
        foreach ($id in $ruleIds) {
            $null = Invoke-RestMethod -Method Post -Uri $uri -Headers $headers -ContentType 'application/json' `
                -Body ('{"rule_type":1,"rule_id":"' + $id + '"}')
        }
        $baseRate += $w.Elapsed.TotalSeconds
        Reset-DqcEmulator $emulator   # keep the emulator's instance list small between runs
    }
    $o = Get-Stats $oursRate; $b = Get-Stats $baseRate
    Add-Result -Figure "$restarts restarts piped into Restart-DqcJob (s)" -Target '>= 5x faster than an Invoke-RestMethod loop' -Unit 's' `
        -Baseline $b -Ours $o -Ratio ($b.Median / $o.Median) -Met (($b.Median / $o.Median) -ge 5) `
        -Note ("{0:0} restarts/s ours vs {1:0}/s baseline; -ThrottleLimit 4, client rate limit off" -f ($restarts / $o.Median), ($restarts / $b.Median))
    Disconnect-DqcWorkspace
}
finally {
    Stop-DqcEmulator $emulator
    Set-DqcConfig -Reset
}

# 3. Streaming over 100,000 jobs: -First 1 must cost one request; a full enumeration is timed against a hand-written
# paging loop, and its peak memory measured against an idle session that imported and connected the same way.
Write-Host "`n3. Streaming" -ForegroundColor Cyan
$jobCount = if ($Quick) { 20000 } else { 100000 }
$emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', $jobCount, '--comparison-jobs', '10'
try {
    Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token
    Set-DqcConfig -RateLimitCount 0
    Clear-DqcEmulatorRequest $emulator
    $first = @(Get-DqcJob | Select-Object -First 1)
    $pages = @(Get-DqcEmulatorRequest $emulator | Where-Object { $_.path -like '*/quality/quality-tasks' }).Count
    Add-Result -Figure "Get-DqcJob | Select-Object -First 1 over $jobCount jobs (requests)" -Target 'exactly 1 request' -Unit 'requests' `
        -Baseline 1 -Ours $pages -Ratio $(if ($pages) { 1 / $pages } else { 0 }) -Met ($pages -eq 1 -and $first.Count -eq 1)

    $uri = "$($emulator.Url)/v2/$($emulator.ProjectId)/quality/quality-tasks"
    $headers = @{ workspace = $emulator.WorkspaceId; 'X-Auth-Token' = $emulator.Token }
    $oursAll = @(); $baseAll = @()
    for ($r = 0; $r -lt 3; $r++) {
        $w = [Diagnostics.Stopwatch]::StartNew()
        $n = (Get-DqcJob | Measure-Object).Count
        $oursAll += $w.Elapsed.TotalSeconds
        if ($n -ne $jobCount) { throw "Get-DqcJob enumerated $n of $jobCount jobs." }
        $w.Restart()
        $seen = 0
        for ($offset = 0; ; $offset += 100) {
            $page = Invoke-RestMethod -Uri "$($uri)?offset=$offset&limit=100" -Headers $headers
            $seen += @($page.resources).Count
            if ($seen -ge $page.count -or @($page.resources).Count -eq 0) { break }
        }
        $baseAll += $w.Elapsed.TotalSeconds
    }
    $o = Get-Stats $oursAll; $b = Get-Stats $baseAll
    Add-Result -Figure "Enumerate all $jobCount jobs (s)" -Target 'report (no target); ratio against an Invoke-RestMethod paging loop' -Unit 's' `
        -Baseline $b -Ours $o -Ratio ($b.Median / $o.Median) -Met $true -Note 'the baseline only counts; ours builds typed objects'

    # Peak working set of a child pwsh: idle (imported, connected) against one that also enumerates every job.
    $connect = "Import-Module '$module'; Connect-DqcWorkspace -Endpoint '$($emulator.Url)' -ProjectId '$($emulator.ProjectId)' -WorkspaceId '$($emulator.WorkspaceId)' -Token '$($emulator.Token)'; Set-DqcConfig -RateLimitCount 0"
    # Peak working set, and the managed heap after a full collection (what enumeration really keeps), and how many
    # gen-0 collections ran: few means the runtime's allocation budget, not retention, set the peak.
    $peak = '$h = [GC]::GetTotalMemory($true); [Console]::Out.Write(("{0} {1} {2}" -f (Get-Process -Id $PID).PeakWorkingSet64, $h, [GC]::CollectionCount(0)))'
    $idleMb = @(); $enumMb = @(); $heapExtra = @(); $gen0 = @()
    for ($r = 0; $r -lt 3; $r++) {
        $idle = (& $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command "$connect; `$null = Get-DqcJob -First 1; $peak") -split ' '
        $enum = (& $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command "$connect; `$null = Get-DqcJob | Measure-Object; $peak") -split ' '
        $idleMb += [double]$idle[0] / 1MB; $enumMb += [double]$enum[0] / 1MB
        $heapExtra += ([double]$enum[1] - [double]$idle[1]) / 1MB; $gen0 += [int]$enum[2]
    }
    $i = Get-Stats $idleMb; $e = Get-Stats $enumMb
    $extra = $e.Median - $i.Median
    Add-Result -Figure "Peak memory enumerating $jobCount jobs (MB)" -Target '<= 50 MB above an idle session' -Unit 'MB' `
        -Baseline $i -Ours $e -Ratio ($i.Median / $e.Median) -Met ($extra -le 50) `
        -Note ("{0:0.#} MB above idle (peak working set); managed heap kept after a full GC: {1:0.#} MB; gen-0 collections during the run: {2}" -f $extra, (Get-Stats $heapExtra).Median, (Get-Stats ([double[]]$gen0)).Median)
    Disconnect-DqcWorkspace
}
finally {
    Stop-DqcEmulator $emulator
    Set-DqcConfig -Reset
}

# 4. Rate-limited run: the emulator enforces 40 requests per 10 s per caller; restarts with the module's defaults
# must all succeed, in close to the limit's own minimum time (the last batch of 40 can start 10 s after the one before).
Write-Host "`n4. Rate-limited" -ForegroundColor Cyan
$limited = if ($Quick) { 80 } else { 200 }
$emulator = Start-DqcEmulator -ArgumentList '--rate-limit', '40', '--rate-limit-period-ms', '10000', '--instance-run-ms', '600000'
try {
    # The seeded job IDs, not a listing: the limiter is per user, so a listing would take one of the first window's 40.
    $ids = @($emulator.QualityJobIds)
    # -SkipCheck: the connect check is one more request of the same user, and the 201st request of a 40-per-10 s
    # limit starts a sixth window (50 s instead of 40 s); the figure is about the reruns.
    Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token -SkipCheck
    $ruleIds = @(for ($i = 0; $i -lt $limited; $i++) { $ids[$i % $ids.Count] })
    $errors = $null
    $w = [Diagnostics.Stopwatch]::StartNew()
    $out = @($ruleIds | Restart-DqcJob -ErrorVariable errors -ErrorAction SilentlyContinue)
    $wall = $w.Elapsed.TotalSeconds
    $minimum = ([math]::Ceiling($limited / 40) - 1) * 10
    $throttled = (Get-DqcEmulatorRateLimit $emulator).rejected
    Add-Result -Figure "$limited restarts under an enforced 40 per 10 s (s)" -Target '0 failures, within 110% of the limit''s minimum' -Unit 's' `
        -Baseline ("{0} s minimum" -f $minimum) -Ours ("{0:0.0} s" -f $wall) -Ratio ($wall / $minimum) `
        -Met (@($errors).Count -eq 0 -and $out.Count -eq $limited -and $wall -le 1.1 * $minimum) `
        -Note ("{0} instances, {1} errors, {2} rejected by the emulator; ratio here is ours / minimum" -f $out.Count, @($errors).Count, $throttled)
    Disconnect-DqcWorkspace
}
finally {
    Stop-DqcEmulator $emulator
}

# 4b. Conditional reruns: what the check "has this job run since the piped run?" costs. Each job's failed run piped
# into Restart-DqcJob (conditional) against the same runs with -Force (no check), and a second pipe of the same runs
# (every job has a newer run: nothing is started). The check is one walk of the instance window for the batch.
Write-Host "`n4b. Conditional reruns" -ForegroundColor Cyan
$condJobs = if ($Quick) { 100 } else { 500 }
$seedFile = Join-Path $benchOut 'conditional-seed.json'
ConvertTo-Json -Depth 4 -InputObject @(1..$condJobs | ForEach-Object { @{ id = [string](1440764172232390000 + 7 * $_); name = "bench_$_"; history = @('SUCCESS', 'FAILED') } }) |
    Set-Content $seedFile
$emulator = Start-DqcEmulator -ArgumentList '--jobs', $seedFile, '--instance-run-ms', '600000'
try {
    Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token
    Set-DqcConfig -RateLimitCount 0
    $forced = @(); $checked = @(); $again = @(); $listings = @()
    for ($r = 0; $r -lt [math]::Max($Runs, 3); $r++) {
        Reset-DqcEmulator $emulator
        $failedRuns = @(Get-DqcInstance -RunStatus FAILED)
        $w = [Diagnostics.Stopwatch]::StartNew()
        $null = $failedRuns | Restart-DqcJob -Force
        $forced += $w.Elapsed.TotalSeconds
        Reset-DqcEmulator $emulator
        $failedRuns = @(Get-DqcInstance -RunStatus FAILED)
        Clear-DqcEmulatorRequest $emulator
        $w.Restart()
        $out = @($failedRuns | Restart-DqcJob)
        $checked += $w.Elapsed.TotalSeconds
        $listings += @(Get-DqcEmulatorRequest $emulator | Where-Object { $_.method -eq 'GET' }).Count
        if ($out.Count -ne $condJobs) { throw "Restart-DqcJob returned $($out.Count) of $condJobs instances." }
        $w.Restart()
        $null = $failedRuns | Restart-DqcJob -WarningAction SilentlyContinue
        $again += $w.Elapsed.TotalSeconds
    }
    $f = Get-Stats $forced; $c = Get-Stats $checked; $a = Get-Stats $again
    Add-Result -Figure "$condJobs failed runs piped into Restart-DqcJob, conditional (s)" -Target 'report; ratio against the same with -Force (no check)' -Unit 's' `
        -Baseline $f -Ours $c -Ratio ($f.Median / $c.Median) -Met $true `
        -Note ("listing requests for the check: {0} (median) for {1} jobs; piping the same runs again (every job has a newer run, none started) took {2:0.###} s" -f (Get-Stats ([double[]]$listings)).Median, $condJobs, $a.Median)
    Disconnect-DqcWorkspace
}
finally {
    Stop-DqcEmulator $emulator
    Set-DqcConfig -Reset
}

# 5. The module's own CPU cost per call against an in-memory handler (server excluded).
Write-Host "`n5. CPU per call" -ForegroundColor Cyan
$cpuJson = & dotnet (Join-Path $Root 'tests/DataArtsQuality.Bench/bin/Release/net10.0/DataArtsQuality.Bench.dll') 10000 $Runs
if ($LASTEXITCODE -ne 0) { throw 'The CPU benchmark failed.' }
$cpu = $cpuJson | ConvertFrom-Json
$oursCpu = [pscustomobject]@{ Median = $cpu.ours_us_median; Min = $cpu.ours_us_min; Max = $cpu.ours_us_max; Runs = $cpu.rounds }
$baseCpu = [pscustomobject]@{ Median = $cpu.baseline_us_median; Min = $cpu.baseline_us_min; Max = $cpu.baseline_us_max; Runs = $cpu.rounds }
Add-Result -Figure 'CPU per restart call, in-process (us)' -Target 'report; close to a hand-written HttpClient call' -Unit 'us' `
    -Baseline $baseCpu -Ours $oursCpu -Ratio ($cpu.baseline_us_median / $cpu.ours_us_median) -Met $true `
    -Note ("allocations per call: ours {0} B, baseline {1} B" -f $cpu.ours_bytes_per_call, $cpu.baseline_bytes_per_call)

# 6. One user's limit across processes (issue 20): separate pwsh processes of one user against the emulator's per-user
# 40 per 10 s, with the shared limiter (one machine) and without it (independent clients, as on different machines, in
# both of the emulator's counting modes). Ratio here is wall time / the limit's pace; refused is what the emulator
# refused. Then what the shared limiter costs a request (a slot taken and settled through the state file).
Write-Host "`n6. One user, several processes" -ForegroundColor Cyan
$rateBench = Join-Path $Root 'tools/RateBench.ps1'
$machineScenarios = if ($Quick) { @('2x100') } else { @('2x100', '4x50', '8x25') }
$independentScenarios = if ($Quick) { @('2x100') } else { @('2x100', '4x50') }
$rows = @(& $rateBench -Root $Root -Scenario $machineScenarios -Shared $true)
$rows += @(& $rateBench -Root $Root -Scenario $independentScenarios -Shared $false)
$rows += @(& $rateBench -Root $Root -Scenario $independentScenarios -Shared $false -CountRefused)
foreach ($row in $rows) {
    $machine = $row.Shared
    $target = if ($machine) { '0 refused, <= 1.10 x the pace' } else { '<= 5% refused, <= 1.20 x the pace, each client within 30% of an equal share' }
    $met = if ($machine) { $row.Refused -eq 0 -and $row.Ratio -le 1.10 } else { $row.RefusedShare -le 0.05 -and $row.Ratio -le 1.20 -and $row.ShareMin -ge 0.7 -and $row.ShareMax -le 1.3 }
    $what = if ($machine) { 'processes of one user, one machine (shared limiter)' } else { 'independent clients of one user (no shared state)' + $(if ($row.CountRefused) { ', refused requests counted' } else { '' }) }
    Add-Result -Figure ("{0} {1} reruns under 40 per 10 s per user (s)" -f $row.Scenario, $what) -Target $target -Unit 's' `
        -Baseline ("{0} s pace" -f $row.Pace) -Ours ("{0:0.0} s" -f $row.Wall) -Ratio $row.Ratio -Met $met `
        -Note ("{0} refused of {1} ({2:0.0}%), {3} instances, {4} errors; client shares {5:0.00} to {6:0.00}; ratio here is ours / pace" -f $row.Refused, ($row.Refused + $row.Admitted), (100 * $row.RefusedShare), $row.Instances, $row.Errors, $row.ShareMin, $row.ShareMax)
}
$costJson = & dotnet (Join-Path $Root 'tests/DataArtsQuality.Bench/bin/Release/net10.0/DataArtsQuality.Bench.dll') shared 20000
if ($LASTEXITCODE -ne 0) { throw 'The shared limiter cost run failed.' }
$cost = $costJson | ConvertFrom-Json
Add-Result -Figure 'Shared rate limit: cost per request (us)' -Target 'well under 1 ms' -Unit 'us' `
    -Baseline ("{0} us in memory only" -f $cost.local_us_per_request) -Ours ("{0} us" -f $cost.shared_us_per_request) `
    -Ratio ($cost.local_us_per_request / $cost.shared_us_per_request) -Met ($cost.shared_us_per_request -lt 500 -and $cost.file_usable) `
    -Note 'a slot taken and settled (two locked changes of the state file in the temp folder), 20,000 requests, nothing waiting'

$results | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $benchOut 'results.json')
$lines = @(
    '# DataArtsQuality benchmark'
    ''
    ("Run {0:u} on {1} cores, PowerShell {2}. Ratios are baseline / ours (higher is better for us) for times, measured in the same run; medians of several runs (min, max, n)." -f (Get-Date), [Environment]::ProcessorCount, $PSVersionTable.PSVersion)
    ''
    '| figure | target | baseline | ours | ratio | met | note |'
    '|---|---|---|---|---|---|---|'
)
foreach ($r in $results) {
    $cells = @($r.Figure, $r.Target, (Format-Stats $r.Baseline), (Format-Stats $r.Ours), $r.Ratio, $(if ($r.Met) { 'yes' } else { 'no' }), $r.Note) |
        ForEach-Object { ([string]$_).Replace('|', '\|') }   # a pipe inside a cell would end it
    $lines += '| ' + ($cells -join ' | ') + ' |'
}
$lines | Set-Content (Join-Path $benchOut 'results.md')
Write-Host "`nWrote $(Join-Path $benchOut 'results.md')" -ForegroundColor Green
