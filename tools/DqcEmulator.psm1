# Starts and steers the local DQC emulator for tests, the demo and the benchmark.
Set-StrictMode -Version 3.0

$script:RepoRoot = Split-Path -Parent $PSScriptRoot

function Get-DqcEmulatorPath {
    $staged = Join-Path $script:RepoRoot 'out/emulator/DataArtsQuality.Emulator.dll'
    if (Test-Path $staged) { return $staged }
    throw "The emulator is not built: run 'pwsh ./build.ps1 build' first ($staged is missing)."
}

function Start-DqcEmulator {
    <#
    .SYNOPSIS
    Starts the emulator on a free loopback port and returns an object with its Url, Process and seeded IDs.
    .PARAMETER ArgumentList
    Extra emulator flags, e.g. '--instance-run-ms', '500'.
    #>
    [CmdletBinding()]
    param(
        [string[]] $ArgumentList = @(),
        [int] $StartTimeoutSec = 30
    )
    $dll = Get-DqcEmulatorPath
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($dll, '--port', '0', '--parent-pid', $PID) + $ArgumentList) { $psi.ArgumentList.Add([string]$a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait([TimeSpan]::FromSeconds($StartTimeoutSec)) -or -not $read.Result) {
        $err = if ($process.HasExited) { $process.StandardError.ReadToEnd() } else { '' }
        try { $process.Kill() } catch { }
        throw "The emulator did not start within $StartTimeoutSec s. $err"
    }
    if ($read.Result -notmatch 'listening on (?<url>http://\S+)') {
        try { $process.Kill() } catch { }
        throw "Unexpected first line from the emulator: $($read.Result)"
    }
    $url = $Matches.url
    $info = Invoke-RestMethod -Uri "$url/_emulator/info"
    [pscustomobject]@{
        PSTypeName        = 'DqcEmulator'
        Url               = $url
        Process           = $process
        ProjectId         = $info.project_id
        WorkspaceId       = $info.workspace_id
        SecondWorkspaceId = $info.second_workspace_id
        Token             = $info.token
        QualityJobIds     = @($info.quality_job_ids)
        ComparisonJobIds  = @($info.comparison_job_ids)
        # The emulator's IAM: region, user, password, AK/SK, temporary AK/SK + security token, instance ID (all fake).
        Auth              = Invoke-RestMethod -Uri "$url/_emulator/auth"
    }
}

function Stop-DqcEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        if ($Emulator -and $Emulator.Process -and -not $Emulator.Process.HasExited) {
            $Emulator.Process.Kill()
            $null = $Emulator.Process.WaitForExit(5000)
        }
    }
}

function Get-DqcEmulatorRequest {
    <# .SYNOPSIS The API requests the emulator received (control calls excluded), oldest first. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator, [long] $Since = 0)
    # -NoEnumerate would keep the array whole; we want one object per request.
    Invoke-RestMethod -Uri "$($Emulator.Url)/_emulator/requests?since=$Since" | ForEach-Object { $_ }
}

function Clear-DqcEmulatorRequest {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Emulator.Url)/_emulator/requests"
}

function Reset-DqcEmulator {
    <# .SYNOPSIS Back to the seeded jobs and history, with an empty request log. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Url)/_emulator/reset"
}

function Get-DqcEmulatorInstance {
    <# .SYNOPSIS Instances as the emulator stores them, IDs as strings. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator, [string] $WorkspaceId)
    $uri = "$($Emulator.Url)/_emulator/instances"
    if ($WorkspaceId) { $uri += "?workspace=$WorkspaceId" }
    Invoke-RestMethod -Uri $uri | ForEach-Object { $_ }
}

function Get-DqcEmulatorAuth {
    <# .SYNOPSIS The emulator's IAM state now: seeded credentials and how many tokens it has issued. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Uri "$($Emulator.Url)/_emulator/auth"
}

function Invoke-DqcEmulatorTokenExpiry {
    <# .SYNOPSIS Makes every token the emulator's IAM issued expire now (the next use gets the gateway's 401). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Url)/_emulator/iam/expire-tokens"
}

Export-ModuleMember -Function Start-DqcEmulator, Stop-DqcEmulator, Get-DqcEmulatorRequest, Clear-DqcEmulatorRequest,
    Reset-DqcEmulator, Get-DqcEmulatorInstance, Get-DqcEmulatorPath, Get-DqcEmulatorAuth, Invoke-DqcEmulatorTokenExpiry
