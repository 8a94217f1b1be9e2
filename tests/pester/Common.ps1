# Dot-sourced by every test file's BeforeAll: imports the staged module and the emulator helpers.
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.psd1') -Force
Import-Module (Join-Path $RepoRoot 'tools/DqcEmulator.psm1') -Force

function Connect-TestWorkspace {
    param([Parameter(Mandatory)] $Emulator, [string] $WorkspaceId)
    $ws = if ($WorkspaceId) { $WorkspaceId } else { $Emulator.WorkspaceId }
    Connect-DqcWorkspace -Endpoint $Emulator.Url -ProjectId $Emulator.ProjectId -WorkspaceId $ws -Token $Emulator.Token
}

# Restart requests the emulator received, oldest first.
function Get-RestartRequest {
    param([Parameter(Mandatory)] $Emulator)
    Get-DqcEmulatorRequest -Emulator $Emulator | Where-Object { $_.path -like '*/quality/instances/restart' }
}

# The query of a logged request as a name -> value table.
function Get-RequestQuery {
    param([Parameter(Mandatory, ValueFromPipeline)] $Request)
    process {
        $parsed = [System.Web.HttpUtility]::ParseQueryString([string]$Request.query)
        $table = [ordered]@{}
        foreach ($key in $parsed.AllKeys) { $table[$key] = $parsed[$key] }
        [pscustomobject]$table
    }
}
