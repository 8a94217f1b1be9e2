<#
.SYNOPSIS
Builds, tests and demonstrates the DataArtsQuality module.

.DESCRIPTION
    pwsh ./build.ps1 build   # compile and stage an importable module in out/DataArtsQuality (and the emulator in out/emulator)
    pwsh ./build.ps1 docs    # build, refreshing SYNTAX and the parameter blocks of docs/en-US from the compiled cmdlets first
    pwsh ./build.ps1 test-netfx # build, then the core's Framework-safe xunit cases compiled for net48, run under Mono (needs mono)
    pwsh ./build.ps1 test    # build, pack and install the emulator tool, then xunit (core), Pester (cmdlets end to end on the emulator)
                             # and, when mono is on PATH, the Mono lane (test-netfx); ends with "N passed, N failed"
    pwsh ./build.ps1 demo    # build, start the emulator, connect, re-run seeded and failed jobs, wait, show the instances
    pwsh ./build.ps1 package # build, then publish out/DataArtsQuality to out/package/DataArtsQuality.<version>.nupkg (PSResourceGet)
                             # and pack the emulator as a .NET tool, out/package/DataArtsQuality.Emulator.<version>.nupkg (dqc-emulator)
    pwsh ./build.ps1 bench   # build, then measure import time, throughput, streaming and CPU per call; writes out/bench/results.md
    pwsh ./build.ps1 clean   # remove out/ and every bin/ and obj/
Needs only the .NET SDK (10) and PowerShell 7.4+.
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'docs', 'test', 'test-netfx', 'demo', 'package', 'bench', 'clean')]
    [string] $Task = 'build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Pester only: run the test files whose names match (e.g. 'Restart').
    [string] $Filter
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'DataArtsQuality'
$EmulatorOut = Join-Path $Out 'emulator'
$PackageOut = Join-Path $Out 'package'
# Where the test task installs the emulator tool from out/package, as a user would (dotnet tool install --tool-path).
$EmulatorToolOut = Join-Path $Out 'emulator-tool'
$EmulatorPackageId = 'DataArtsQuality.Emulator'
$PesterVersion = '5.7.1'

function Invoke-Native {
    param([string] $File, [string[]] $Arguments)
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    (Import-PowerShellDataFile (Join-Path $Root 'DataArtsQuality.psd1')).ModuleVersion
}

# The help tool (tools/DataArtsQuality.HelpBuilder, built with the solution) reads docs/en-US and takes the
# parameter metadata from the staged module's cmdlets: 'build' checks the pages (schema, and that their parameter
# blocks agree with the code) and writes the MAML and about topic; 'update' first rewrites SYNTAX and the parameter
# blocks from the code.
function Invoke-HelpBuilder {
    param([string] $Verb, [string[]] $Arguments = @())
    $tool = Join-Path $Root "tools/DataArtsQuality.HelpBuilder/bin/$Configuration/net10.0/DataArtsQuality.HelpBuilder.dll"
    & dotnet $tool $Verb (Join-Path $Root 'docs/en-US') --assembly (Join-Path $ModuleOut 'DataArtsQuality.dll') @Arguments
    if ($LASTEXITCODE -eq 1) {
        throw "docs/en-US has help problems (listed above). Where the parameter metadata disagrees with the code, run 'pwsh ./build.ps1 docs'."
    }
    if ($LASTEXITCODE -ne 0) { throw "The help builder failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    param([switch] $RefreshDocs)
    $version = Get-ModuleVersion
    Write-Host "Building DataArtsQuality $version ($Configuration)" -ForegroundColor Cyan
    Invoke-Native dotnet @('build', (Join-Path $Root 'DataArtsQuality.slnx'), '-c', $Configuration, '--nologo', '-v', 'quiet', "-p:ModuleVersion=$version")

    # The module folder: manifest, assembly, format file; System.Text.Json and its closure only for Windows
    # PowerShell, in Dependencies/ where PowerShell 7's own newer copy is never shadowed.
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $ModuleOut, (Join-Path $ModuleOut 'Dependencies')
    $bin = Join-Path $Root "src/DataArtsQuality/bin/$Configuration/netstandard2.0"
    Copy-Item (Join-Path $Root 'DataArtsQuality.psd1') $ModuleOut
    Copy-Item (Join-Path $Root 'src/DataArtsQuality/DataArtsQuality.format.ps1xml') $ModuleOut
    Copy-Item (Join-Path $bin 'DataArtsQuality.dll') $ModuleOut
    foreach ($dependency in 'System.Text.Json', 'System.Text.Encodings.Web', 'System.Memory', 'System.Buffers',
        'System.Runtime.CompilerServices.Unsafe', 'System.Numerics.Vectors', 'System.Threading.Tasks.Extensions',
        'Microsoft.Bcl.AsyncInterfaces') {
        $dll = Join-Path $bin "$dependency.dll"
        if (-not (Test-Path $dll)) { throw "Expected dependency $dependency.dll in $bin." }
        Copy-Item $dll (Join-Path $ModuleOut 'Dependencies')
    }

    Invoke-HelpBuilder ($RefreshDocs ? 'update' : 'build') @('--out', (Join-Path $ModuleOut 'en-US'))

    if (Test-Path $EmulatorOut) { Remove-Item $EmulatorOut -Recurse -Force }
    Copy-Item (Join-Path $Root "src/DataArtsQuality.Emulator/bin/$Configuration/net10.0") $EmulatorOut -Recurse
    Write-Host "Staged $ModuleOut and $EmulatorOut" -ForegroundColor Green
}

# The command line that starts another pwsh like this one (the dotnet global tool runs as 'dotnet pwsh.dll').
function Get-PwshCommand {
    foreach ($candidate in (Join-Path $PSHOME 'pwsh'), (Join-Path $PSHOME 'pwsh.exe')) {
        if (Test-Path $candidate -PathType Leaf) { return , $candidate }
    }
    $onPath = Get-Command pwsh -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($onPath) { return , $onPath.Source }
    return 'dotnet', (Join-Path $PSHOME 'pwsh.dll')
}

function Get-PesterModulePath {
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $line = & dotnet nuget locals global-packages --list
        $packages = ($line -replace '^\s*global-packages:\s*', '').Trim()
    }
    $path = Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $path)) {
        Invoke-Native dotnet @('restore', (Join-Path $Root 'tests/DataArtsQuality.Tests'), '--nologo', '-v', 'quiet')
    }
    if (-not (Test-Path $path)) { throw "Pester $PesterVersion was not restored to $path." }
    $path
}

# Packs the emulator as a .NET tool (command dqc-emulator) into out/package, from the build just made.
function Invoke-EmulatorPack {
    $version = Get-ModuleVersion
    Get-ChildItem $PackageOut -Filter "$EmulatorPackageId.*.nupkg" -ErrorAction SilentlyContinue | Remove-Item
    Invoke-Native dotnet @('pack', (Join-Path $Root 'src/DataArtsQuality.Emulator'), '-c', $Configuration, '--no-build', '--nologo',
        '-v', 'quiet', '-o', $PackageOut, "-p:ModuleVersion=$version") | Out-Host
    $nupkg = Join-Path $PackageOut "$EmulatorPackageId.$version.nupkg"
    if (-not (Test-Path $nupkg)) { throw "dotnet pack did not produce $nupkg." }
    $nupkg
}

# Installs the packed tool into a fresh out/emulator-tool with dotnet tool install, reading out/package only: a NuGet
# config with <clear/> keeps every other source (and the network) out of it. A fresh tool path also means a fresh
# package store, so a re-pack of the same version is never shadowed by an older copy.
function Install-EmulatorTool {
    $version = Get-ModuleVersion
    if (Test-Path $EmulatorToolOut) { Remove-Item $EmulatorToolOut -Recurse -Force }
    $config = Join-Path $Out 'emulator-tool.nuget.config'
    Set-Content -Path $config -Value @"
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="out-package" value="$([System.Security.SecurityElement]::Escape($PackageOut))" />
  </packageSources>
</configuration>
"@
    Invoke-Native dotnet @('tool', 'install', '--tool-path', $EmulatorToolOut, $EmulatorPackageId, '--version', $version, '--configfile', $config) | Out-Host
    Write-Host "Installed dqc-emulator $version into $EmulatorToolOut" -ForegroundColor Green
}

# The core's xunit cases that need no .NET-only API, compiled for net48 against the staged module (out/DataArtsQuality
# and its Dependencies/) and run under Mono with xunit's console runner. Returns the passed and failed counts.
function Invoke-NetFxTest {
    $project = Join-Path $Root 'tests/DataArtsQuality.Tests.NetFx'
    Invoke-Native dotnet @('build', $project, '-c', $Configuration, '--nologo', '-v', 'quiet') | Out-Host
    $runner = Get-ChildItem (Join-Path (Split-Path (Get-PesterModulePath) | Split-Path | Split-Path | Split-Path) 'xunit.runner.console') -Recurse -Filter xunit.console.exe |
        Where-Object FullName -like '*net472*' | Select-Object -First 1
    if (-not $runner) { throw 'xunit.runner.console (net472) was not restored.' }
    $bin = Join-Path $project "bin/$Configuration/net48"
    $xml = Join-Path $Out 'test-results-netfx.xml'
    if (Test-Path $xml) { Remove-Item $xml }
    Push-Location $bin
    try { & mono $runner.FullName (Join-Path $bin 'DataArtsQuality.Tests.dll') -noshadow -notrait 'NetFx=Excluded' -xml $xml | Out-Host }
    finally { Pop-Location }
    $exit = $LASTEXITCODE
    if (-not (Test-Path $xml)) { return 0, 1 }
    [xml] $doc = Get-Content $xml -Raw
    $assembly = $doc.assemblies.assembly
    $failedCount = [int] $assembly.GetAttribute('failed') + [int] $assembly.GetAttribute('errors')
    if ($exit -ne 0 -and $failedCount -eq 0) { $failedCount = 1 }
    [int] $assembly.GetAttribute('passed'), $failedCount
}

# The Mono lane inside 'test', when mono is on PATH. Without mono the rest still runs and the lane is skipped with a
# warning, unless DQC_REQUIRE_MONO=1 (.ci/run sets it, having tried to install Mono): then a missing mono is a failure,
# so a broken install can never pass as a smaller suite. A lane that breaks (build, runner) counts as 1 failed.
function Invoke-NetFxLane {
    if (-not (Get-Command mono -CommandType Application -ErrorAction SilentlyContinue)) {
        if ($env:DQC_REQUIRE_MONO -eq '1') {
            Write-Host "`nMONO LANE FAILED: mono is not on PATH though DQC_REQUIRE_MONO=1 (the install above failed?); counted as 1 failed." -ForegroundColor Red
            return 0, 1
        }
        Write-Warning 'mono is not on PATH: the Mono lane (test-netfx) was not run and is not in the counts below.'
        return 0, 0
    }
    Write-Host "`nxunit on Mono: the core on a .NET Framework 4.x profile" -ForegroundColor Cyan
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try { $counts = Invoke-NetFxTest }
    catch {
        Write-Host "MONO LANE FAILED: $_" -ForegroundColor Red
        $counts = 0, 1
    }
    Write-Host ("Mono lane: {0} passed, {1} failed in {2:N0} s" -f $counts[0], $counts[1], $watch.Elapsed.TotalSeconds) -ForegroundColor Cyan
    $counts
}

function Invoke-Test {
    Invoke-Build
    $null = Invoke-EmulatorPack
    Install-EmulatorTool
    $passed = 0
    $failed = 0

    Write-Host "`nxunit: the core" -ForegroundColor Cyan
    $results = Join-Path $Out 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    & dotnet test (Join-Path $Root 'tests/DataArtsQuality.Tests') -c $Configuration --no-build --nologo `
        --logger 'trx;LogFileName=xunit.trx' --results-directory $results
    $xunitExit = $LASTEXITCODE
    $trx = Get-ChildItem $results -Filter *.trx -Recurse -ErrorAction SilentlyContinue | Select-Object -First 1
    $xunitFailed = 0
    if ($trx) {
        [xml] $doc = Get-Content $trx.FullName -Raw
        $counters = $doc.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $xunitFailed = [int] $counters.failed + [int] $counters.error + [int] $counters.timeout
    }
    # A run that broke (no results, or a test host that crashed after writing partial counters) counts as a failure
    # rather than being hidden behind the tests it did finish.
    if ($xunitExit -ne 0 -and $xunitFailed -eq 0) { $xunitFailed = 1 }
    $failed += $xunitFailed

    Write-Host "`nPester: the cmdlets end to end" -ForegroundColor Cyan
    # Pester runs in a child pwsh so that the module under test loads into a clean session.
    $pester = Get-PesterModulePath
    $summary = Join-Path $Out 'pester-summary.json'
    $script = @'
param($PesterPath, $TestsPath, $Filter, $SummaryPath)
Import-Module $PesterPath -Force
$config = New-PesterConfiguration
$config.Run.Path = $TestsPath
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
if ($Filter) { $config.Filter.FullName = "*$Filter*" }
$result = Invoke-Pester -Configuration $config
@{ passed = $result.PassedCount; failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount } |
    ConvertTo-Json | Set-Content -Path $SummaryPath
'@
    $scriptFile = Join-Path $Out 'run-pester.ps1'
    Set-Content -Path $scriptFile -Value $script
    if (Test-Path $summary) { Remove-Item $summary }
    $pwsh = @(Get-PwshCommand)
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $scriptFile -PesterPath $pester -TestsPath (Join-Path $Root 'tests/pester') -Filter $Filter -SummaryPath $summary
    if (Test-Path $summary) {
        $counts = Get-Content $summary -Raw | ConvertFrom-Json
        $passed += [int] $counts.passed
        $failed += [int] $counts.failed
    }
    else {
        $failed += 1
    }

    $netfxPassed, $netfxFailed = Invoke-NetFxLane
    $passed += $netfxPassed
    $failed += $netfxFailed

    Write-Host ''
    Write-Output "$passed passed, $failed failed"
    if ($failed -gt 0 -or $xunitExit -ne 0) { exit 1 }
}

# Runs a script in a child pwsh whose home folders point at a scratch folder, so nothing it registers or
# installs touches the user's own PowerShell configuration.
function Invoke-IsolatedPwsh {
    param([string] $ScriptPath, [string[]] $Arguments, [string] $ScratchHome)
    # .NET answers "" for a special folder that does not exist (NuGet would then write into the current folder).
    $null = New-Item -ItemType Directory -Path (Join-Path $ScratchHome '.config'), (Join-Path $ScratchHome '.local/share'), (Join-Path $ScratchHome 'AppData/Local') -Force
    $saved = @{ HOME = $env:HOME; LOCALAPPDATA = $env:LOCALAPPDATA }
    try {
        $env:HOME = $ScratchHome
        $env:LOCALAPPDATA = Join-Path $ScratchHome 'AppData/Local'
        $pwsh = @(Get-PwshCommand)
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $ScriptPath @Arguments
        if ($LASTEXITCODE -ne 0) { throw "$ScriptPath failed with exit code $LASTEXITCODE." }
    }
    finally {
        $env:HOME = $saved.HOME
        $env:LOCALAPPDATA = $saved.LOCALAPPDATA
    }
}

function Invoke-Package {
    Invoke-Build
    if (Test-Path $PackageOut) { Remove-Item $PackageOut -Recurse -Force }
    Invoke-IsolatedPwsh -ScriptPath (Join-Path $Root 'tools/Publish-DqcPackage.ps1') -ScratchHome (Join-Path $Out 'package-home') `
        -Arguments @('-ModulePath', $ModuleOut, '-RepositoryPath', $PackageOut)
    Remove-Item (Join-Path $Out 'package-home') -Recurse -Force
    $nupkg = Join-Path $PackageOut "DataArtsQuality.$(Get-ModuleVersion).nupkg"
    if (-not (Test-Path $nupkg)) { throw "Publish-PSResource did not produce $nupkg." }
    Write-Host "Package: $nupkg" -ForegroundColor Green
    Write-Host "Package: $(Invoke-EmulatorPack) (dotnet tool install --tool-path <dir> $EmulatorPackageId --add-source $PackageOut)" -ForegroundColor Green
}

function Invoke-Demo {
    Invoke-Build
    Import-Module (Join-Path $Root 'tools/DqcEmulator.psm1') -Force
    $emulator = Start-DqcEmulator -ArgumentList '--instance-run-ms', '1500'
    try {
        Write-Host "Emulator at $($emulator.Url)" -ForegroundColor Cyan
        Import-Module $ModuleOut -Force
        Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token
        Get-DqcContext | Format-List Name, Endpoint, ProjectId, WorkspaceId, AuthenticationType | Out-Host

        Write-Host "Re-running quality jobs $($emulator.QualityJobIds -join ', ') and comparison job $($emulator.ComparisonJobIds[0]):" -ForegroundColor Cyan
        $instances = @(
            $emulator.QualityJobIds | Restart-DqcJob
            [pscustomobject]@{ Id = $emulator.ComparisonJobIds[0]; RuleType = 'Comparison' } | Restart-DqcJob
        )
        $instances | Format-Table | Out-Host

        Write-Host 'A job that does not exist gives an error for that item only:' -ForegroundColor Cyan
        '1440764172232392704', $emulator.QualityJobIds[0] | Restart-DqcJob -ErrorAction Continue | Format-Table | Out-Host

        Write-Host 'Runs that failed in the last day, re-run and waited for (one instance listing per poll):' -ForegroundColor Cyan
        $ProgressPreference = 'SilentlyContinue'
        Get-DqcInstance -RunStatus FAILED -After (Get-Date).AddDays(-1) -First 4 |
            Restart-DqcJob -Wait -PollIntervalSec 1 | Format-Table | Out-Host

        Write-Host 'The first three comparison jobs, re-run with their own rule type and waited for:' -ForegroundColor Cyan
        Get-DqcComparisonJob -First 3 | Restart-DqcJob -Wait -PollIntervalSec 1 | Format-Table | Out-Host
        Disconnect-DqcWorkspace
    }
    finally {
        Stop-DqcEmulator $emulator
    }
}

switch ($Task) {
    'build' { Invoke-Build }
    'docs' { Invoke-Build -RefreshDocs }
    'test' { Invoke-Test }
    'test-netfx' {
        Invoke-Build
        $netfxPassed, $netfxFailed = Invoke-NetFxTest
        Write-Output "$netfxPassed passed, $netfxFailed failed"
        if ($netfxFailed -gt 0) { exit 1 }
    }
    'demo' { Invoke-Demo }
    'package' { Invoke-Package }
    'bench' {
        Invoke-Build
        & (Join-Path $Root 'tools/Bench.ps1') -Root $Root
    }
    'clean' {
        foreach ($path in @($Out) + @(Get-ChildItem $Root -Directory -Recurse -Include bin, obj | ForEach-Object FullName)) {
            if (Test-Path $path) { Remove-Item $path -Recurse -Force }
        }
        Write-Host 'Cleaned.'
    }
}
