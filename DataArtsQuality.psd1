@{
    RootModule           = 'DataArtsQuality.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5f3c2a8e-7d41-4b6a-9e0f-1c2d3b4a5e6f'
    Author               = 'DataArtsQuality contributors'
    CompanyName          = 'DataArtsQuality'
    Copyright            = '(c) DataArtsQuality contributors. MIT License.'
    Description          = 'PowerShell cmdlets for the Huawei Cloud DataArts Studio Data Quality (DQC) API: connect to a workspace, list quality and comparison jobs, re-run them, wait for the instances and read the results. One binary for Windows PowerShell 5.1 and PowerShell 7.4+.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('DataArtsQuality.format.ps1xml')
    # Explicit lists (no wildcards): PowerShell can then resolve commands without loading the module.
    CmdletsToExport      = @(
        'Connect-DqcWorkspace'
        'Disconnect-DqcWorkspace'
        'Get-DqcConfig'
        'Get-DqcComparisonJob'
        'Get-DqcContext'
        'Get-DqcInstance'
        'Get-DqcInstanceResult'
        'Get-DqcJob'
        'Get-DqcWorkspace'
        'Get-DqcRerun'
        'Resolve-DqcRerun'
        'Restart-DqcJob'
        'Set-DqcConfig'
        'Wait-DqcInstance'
        'Add-DqcInstanceRecord'
        'Export-DqcResource'
        'Get-DqcCategory'
        'Get-DqcLegacyJob'
        'Get-DqcReportOverview'
        'Get-DqcReportRule'
        'Get-DqcReportRuleResult'
        'Get-DqcReportScore'
        'Get-DqcReportTrend'
        'Get-DqcRuleTemplate'
        'Import-DqcResource'
        'New-DqcRuleTemplate'
        'Remove-DqcComparisonJob'
        'Remove-DqcJob'
        'Remove-DqcRuleTemplate'
        'Set-DqcRuleTemplate'
        'Start-DqcJobSchedule'
        'Stop-DqcInstance'
        'Stop-DqcJobSchedule'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('HuaweiCloud', 'DataArts', 'DataArtsStudio', 'DataQuality', 'DQC', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # No ProjectUri/LicenseUri/HelpInfoUri: the project has no public address yet, and a link must lead somewhere.
            # The license (LICENSE) and the help ship inside the package.
            ReleaseNotes = '0.1.0: all 31 DQC operations; token, password, AK/SK and environment authentication with named connections; streaming lists, reruns with -Wait, retries and a client-side rate limit; Tab completion. See CHANGELOG.md.'
        }
    }
}
