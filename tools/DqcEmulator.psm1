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
    # The first line is one JSON object: Endpoint, ProjectId, WorkspaceId, Token (docs/emulator.md).
    $ready = try { $read.Result | ConvertFrom-Json } catch { $null }
    if (-not $ready -or -not $ready.PSObject.Properties['Endpoint']) {
        try { $process.Kill() } catch { }
        throw "Unexpected first line from the emulator: $($read.Result)"
    }
    $url = $ready.Endpoint
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

function Add-DqcEmulatorFault {
    <#
    .SYNOPSIS
    Queues a fault for the next API request(s) that match: Status (429 with or without -RetryAfter, 500, 502/503/504
    as HTML), Reset (before, or -After the service acted), Slow (-DelayMs), Malformed (cut JSON) or Truncate.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [ValidateSet('Status', 'Reset', 'Slow', 'Malformed', 'Truncate')] [string] $Kind,
        [int] $Status = 503,
        [string] $RetryAfter,
        [int] $DelayMs = 0,
        [switch] $After,
        [string] $Method,
        [string] $Path,
        [int] $Times = 1
    )
    $body = @{ kind = $Kind.ToLowerInvariant(); status = $Status; delay_ms = $DelayMs; after = [bool]$After; times = $Times }
    if ($RetryAfter) { $body.retry_after = $RetryAfter }
    if ($Method) { $body.method = $Method }
    if ($Path) { $body.path = $Path }
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.Url)/_emulator/faults" -Body ($body | ConvertTo-Json) -ContentType 'application/json'
}

function Clear-DqcEmulatorFault {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Emulator.Url)/_emulator/faults"
}

function Get-DqcEmulatorFault {
    <# .SYNOPSIS The faults still queued (pending) and how many were applied. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Uri "$($Emulator.Url)/_emulator/faults"
}

function Set-DqcEmulatorRateLimit {
    <# .SYNOPSIS Enforces Count requests per caller per PeriodMs (sliding window); -Off switches it off. #>
    [CmdletBinding(DefaultParameterSetName = 'On')]
    param(
        [Parameter(Mandatory, Position = 0)] $Emulator,
        [Parameter(ParameterSetName = 'On')] [int] $Count = 40,
        [Parameter(ParameterSetName = 'On')] [int] $PeriodMs = 10000,
        # Refused requests take a slot of the window too (the gateway's docs do not say whether they do).
        [Parameter(ParameterSetName = 'On')] [switch] $CountRefused,
        [Parameter(Mandatory, ParameterSetName = 'Off')] [switch] $Off
    )
    if ($Off) {
        $null = Invoke-RestMethod -Method Delete -Uri "$($Emulator.Url)/_emulator/rate-limit"
    }
    else {
        Invoke-RestMethod -Method Put -Uri "$($Emulator.Url)/_emulator/rate-limit" -Body (@{ count = $Count; period_ms = $PeriodMs; count_refused = [bool]$CountRefused } | ConvertTo-Json) -ContentType 'application/json'
    }
}

function Get-DqcEmulatorRateLimit {
    <# .SYNOPSIS Whether the limit is enforced, and how many requests it admitted and rejected since it was set. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Uri "$($Emulator.Url)/_emulator/rate-limit"
}

function Set-DqcEmulatorConfig {
    <#
    .SYNOPSIS
    Re-seeds or re-tunes a running emulator (POST /_emulator/configure). Giving a job count re-seeds: jobs, history
    and the request log start over.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Emulator,
        [int] $QualityJobs = -1,
        [int] $ComparisonJobs = -1,
        [int] $InstanceRunMs = -1,
        [Nullable[bool]] $NestedSubRules
    )
    $query = @()
    if ($QualityJobs -ge 0) { $query += "quality_jobs=$QualityJobs" }
    if ($ComparisonJobs -ge 0) { $query += "comparison_jobs=$ComparisonJobs" }
    if ($InstanceRunMs -ge 0) { $query += "instance_run_ms=$InstanceRunMs" }
    if ($null -ne $NestedSubRules) { $query += "nested_sub_rules=$($NestedSubRules.ToString().ToLowerInvariant())" }
    Invoke-RestMethod -Method Post -Uri "$($Emulator.Url)/_emulator/configure?$($query -join '&')"
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
    Reset-DqcEmulator, Get-DqcEmulatorInstance, Get-DqcEmulatorPath, Add-DqcEmulatorFault, Clear-DqcEmulatorFault,
    Get-DqcEmulatorFault, Set-DqcEmulatorRateLimit, Get-DqcEmulatorRateLimit, Set-DqcEmulatorConfig,
    Get-DqcEmulatorAuth, Invoke-DqcEmulatorTokenExpiry

function Add-DqcEmulatorJob {
    <# .SYNOPSIS Adds a job with the given name (any text) to a workspace of a running emulator; returns its ID as a string. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Name,
        [ValidateSet('Quality', 'Comparison')] [string] $Kind = 'Quality',
        [string] $WorkspaceId
    )
    $uri = "$($Emulator.Url)/_emulator/jobs?kind=$($Kind.ToLowerInvariant())&name=$([uri]::EscapeDataString($Name))"
    if ($WorkspaceId) { $uri += "&workspace=$WorkspaceId" }
    (Invoke-RestMethod -Method Post -Uri $uri).id
}

Export-ModuleMember -Function Add-DqcEmulatorJob

function Set-DqcEmulatorShape {
    <#
    .SYNOPSIS
    Switches answer shapes the docs and SDKs allow (PUT /_emulator/shape): new instances SUSPENDING for a while before
    RUNNING, category and workspace pages capped below the limit asked for, workspace times as JSON floats. Reset
    with Reset-DqcEmulator.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Emulator,
        [int] $SuspendingMs = -1,
        [int] $PageCap = -1,
        [Nullable[bool]] $WorkspaceTimesAsFloat
    )
    $body = @{}
    if ($SuspendingMs -ge 0) { $body.suspending_ms = $SuspendingMs }
    if ($PageCap -ge 0) { $body.page_cap = $PageCap }
    if ($null -ne $WorkspaceTimesAsFloat) { $body.workspace_times_as_float = [bool]$WorkspaceTimesAsFloat }
    Invoke-RestMethod -Method Put -Uri "$($Emulator.Url)/_emulator/shape" -ContentType 'application/json' -Body ($body | ConvertTo-Json -Compress)
}

Export-ModuleMember -Function Set-DqcEmulatorShape
