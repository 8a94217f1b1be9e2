# The module as users get it: published to a repository with PSResourceGet, installed from it into a scratch home,
# imported by name in a fresh pwsh and used against the emulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator
    $script:scratchHome = Join-Path $TestDrive 'home'
    $script:repository = Join-Path $TestDrive 'repository'
    # .NET answers "" for a special folder that does not exist, and NuGet then writes NuGet/NuGet.Config into the
    # current folder: create the folders a real home has.
    $null = New-Item -ItemType Directory -Path (Join-Path $scratchHome '.config'), (Join-Path $scratchHome '.local/share')

    # Child pwsh processes with HOME pointing at the scratch folder: the user's repositories and modules are untouched.
    function Invoke-ScratchPwsh([string] $Script) {
        $file = Join-Path $TestDrive ("step-{0}.ps1" -f [guid]::NewGuid().ToString('N'))
        Set-Content -Path $file -Value $Script
        $saved = $env:HOME
        try {
            $env:HOME = $scratchHome
            [string[]] $pwsh = if (Test-Path (Join-Path $PSHOME 'pwsh')) { @(Join-Path $PSHOME 'pwsh') } else { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) }
            Push-Location $scratchHome
            try { $output = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file 2>&1 }
            finally { Pop-Location }
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
        }
        finally {
            $env:HOME = $saved
        }
    }
}

AfterAll {
    Stop-DqcEmulator $emulator
}

Describe 'Installing from a repository' {
    It 'publishes the built module with Publish-PSResource' {
        $module = Join-Path $RepoRoot 'out/DataArtsQuality'
        $result = Invoke-ScratchPwsh "& '$RepoRoot/tools/Publish-DqcPackage.ps1' -ModulePath '$module' -RepositoryPath '$repository'"
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $version = (Import-PowerShellDataFile (Join-Path $module 'DataArtsQuality.psd1')).ModuleVersion
        Join-Path $repository "DataArtsQuality.$version.nupkg" | Should -Exist
    }

    It 'installs it with Install-PSResource into the scratch home' {
        $result = Invoke-ScratchPwsh @'
$ErrorActionPreference = 'Stop'
Install-PSResource -Name DataArtsQuality -Repository DataArtsQualityLocal -TrustRepository -Scope CurrentUser
(Get-InstalledPSResource -Name DataArtsQuality).InstalledLocation
'@
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match ([regex]::Escape($scratchHome))
        Get-ChildItem $scratchHome -Recurse -Force -Filter DataArtsQuality.dll | Should -Not -BeNullOrEmpty
    }

    It 'imports by name in a fresh pwsh and re-runs a job on the emulator' {
        $result = Invoke-ScratchPwsh @"
`$ErrorActionPreference = 'Stop'
Import-Module DataArtsQuality
if ((Get-Module DataArtsQuality).ModuleBase -notlike '$scratchHome*') { throw "wrong module: `$((Get-Module DataArtsQuality).ModuleBase)" }
Connect-DqcWorkspace -Endpoint '$($emulator.Url)' -ProjectId '$($emulator.ProjectId)' -WorkspaceId '$($emulator.WorkspaceId)' -Token '$($emulator.Token)'
'INSTANCE=' + (Restart-DqcJob -RuleId '1440764172232392705').InstanceId
(Get-Help Restart-DqcJob).Synopsis
"@
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match 'INSTANCE=\d{19}'
        $result.Output | Should -Match 'Starts a new run'
        $id = [regex]::Match($result.Output, 'INSTANCE=(\d{19})').Groups[1].Value
        (Get-DqcEmulatorInstance $emulator | Where-Object id -eq $id).task_id | Should -Be '1440764172232392705'
    }
}
