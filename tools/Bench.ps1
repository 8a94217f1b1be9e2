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

# 5. The module's own CPU cost per call against an in-memory handler (server excluded).
Write-Host "`n5. CPU per call" -ForegroundColor Cyan
$cpuJson = & dotnet (Join-Path $Root 'tests/DataArtsQuality.Bench/bin/Release/net10.0/DataArtsQuality.Bench.dll') 10000 $Runs
$cpu = $cpuJson | ConvertFrom-Json
$oursCpu = [pscustomobject]@{ Median = $cpu.ours_us_median; Min = $cpu.ours_us_min; Max = $cpu.ours_us_max; Runs = $cpu.rounds }
$baseCpu = [pscustomobject]@{ Median = $cpu.baseline_us_median; Min = $cpu.baseline_us_min; Max = $cpu.baseline_us_max; Runs = $cpu.rounds }
Add-Result -Figure 'CPU per restart call, in-process (us)' -Target 'report; close to a hand-written HttpClient call' -Unit 'us' `
    -Baseline $baseCpu -Ours $oursCpu -Ratio ($cpu.baseline_us_median / $cpu.ours_us_median) -Met $true `
    -Note ("allocations per call: ours {0} B, baseline {1} B" -f $cpu.ours_bytes_per_call, $cpu.baseline_bytes_per_call)

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
    $lines += '| {0} | {1} | {2} | {3} | {4} | {5} | {6} |' -f $r.Figure, $r.Target, (Format-Stats $r.Baseline), (Format-Stats $r.Ours), $r.Ratio, $(if ($r.Met) { 'yes' } else { 'no' }), $r.Note
}
$lines | Set-Content (Join-Path $benchOut 'results.md')
Write-Host "`nWrote $(Join-Path $benchOut 'results.md')" -ForegroundColor Green
