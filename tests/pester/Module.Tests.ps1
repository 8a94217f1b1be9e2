BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'The staged module' {
    It 'has a valid manifest that loads in both editions' {
        $manifest = Test-ModuleManifest (Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.psd1')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.RootModule | Should -Be 'DataArtsQuality.dll'
        $manifest.PrivateData.PSData.Tags | Should -Contain 'HuaweiCloud'
        # Links only to addresses that exist: the project has no public one yet, so none (see about_DataArtsQuality).
        $manifest.PrivateData.PSData.ProjectUri | Should -BeNullOrEmpty
        $manifest.PrivateData.PSData.LicenseUri | Should -BeNullOrEmpty
        $manifest.HelpInfoUri | Should -BeNullOrEmpty
        $manifest.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'ships its help: Update-Help has nothing to fetch, no cmdlet links online, and the about topic says so' {
        Import-Module (Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.psd1')
        { Update-Help -Module DataArtsQuality -UICulture en-US -ErrorAction Stop } | Should -Throw -ErrorId 'HelpInfoUriNotFound,*'
        (Get-Command -Module DataArtsQuality -CommandType Cmdlet | Where-Object HelpUri).Name | Should -BeNullOrEmpty
        $about = Get-Content (Join-Path $RepoRoot 'docs/en-US/about_DataArtsQuality.md') -Raw
        $about | Should -Match 'The help ships with the module'
        $about | Should -Match 'Update-Help -Module DataArtsQuality'
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $manifest = Import-PowerShellDataFile (Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.psd1')
        $exported = (Get-Command -Module DataArtsQuality -CommandType Cmdlet).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $exported | Should -Contain 'Connect-DqcWorkspace'
        $exported | Should -Contain 'Disconnect-DqcWorkspace'
        $exported | Should -Contain 'Get-DqcContext'
        $exported | Should -Contain 'Restart-DqcJob'
    }

    It 'ships System.Text.Json 8.0.x for Windows PowerShell, outside the module root' {
        $dll = Join-Path $RepoRoot 'out/DataArtsQuality/Dependencies/System.Text.Json.dll'
        $dll | Should -Exist
        [System.Reflection.AssemblyName]::GetAssemblyName($dll).Version.Major | Should -Be 8
        Join-Path $RepoRoot 'out/DataArtsQuality/System.Text.Json.dll' | Should -Not -Exist
    }

    It 'declares a truthful OutputType on every cmdlet' {
        (Get-Command Restart-DqcJob).OutputType.Name | Should -Be 'DataArtsQuality.Models.DqcInstance'
        (Get-Command Get-DqcContext).OutputType.Name | Should -Be 'DataArtsQuality.Models.DqcContextInfo'
    }
}
