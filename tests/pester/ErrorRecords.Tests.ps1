# Every cmdlet that calls the service turns a refused call into an error record through the one mapping
# (ErrorRecords.From): the service's error ID and category, never a bare exception type as FullyQualifiedErrorId.
BeforeDiscovery {
    # Name, how to call it, and whether the failure ends the cmdlet (only a connect that cannot check its workspace).
    $script:Calls = @(
        @{ Name = 'Add-DqcInstanceRecord'; Call = { Add-DqcInstanceRecord -InstanceId 1500000000000000001 -Comment 'probe' -Confirm:$false } }
        @{ Name = 'Connect-DqcWorkspace'; Terminates = $true; Call = { Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token -Name probe } }
        @{ Name = 'Export-DqcResource'; Call = { Export-DqcResource -Type QualityJob -Id $q1 -Path (Join-Path $TestDrive 'x.zip') -Force } }
        @{ Name = 'Get-DqcCategory'; Call = { Get-DqcCategory } }
        @{ Name = 'Get-DqcComparisonJob'; Call = { Get-DqcComparisonJob -Id $q1 } }
        @{ Name = 'Get-DqcInstance'; Call = { Get-DqcInstance } }
        @{ Name = 'Get-DqcInstanceResult'; Call = { Get-DqcInstanceResult -InstanceId 1500000000000000001 } }
        @{ Name = 'Get-DqcJob'; Call = { Get-DqcJob } }
        @{ Name = 'Get-DqcLegacyJob'; Call = { Get-DqcLegacyJob } }
        @{ Name = 'Get-DqcReportOverview'; Call = { Get-DqcReportOverview } }
        @{ Name = 'Get-DqcReportRule'; Call = { Get-DqcReportRule } }
        @{ Name = 'Get-DqcReportRuleResult'; Call = { Get-DqcReportRuleResult -SubRuleInstanceId 1500000000000000001 } }
        @{ Name = 'Get-DqcReportScore'; Call = { Get-DqcReportScore } }
        @{ Name = 'Get-DqcReportTrend'; Call = { Get-DqcReportTrend } }
        @{ Name = 'Get-DqcRuleTemplate'; Call = { Get-DqcRuleTemplate -Id 1 } }
        @{ Name = 'Get-DqcWorkspace'; Call = { Get-DqcWorkspace -InstanceId 0123456789abcdef0123456789abcdef } }
        @{ Name = 'Import-DqcResource'; Call = { Set-Content (Join-Path $TestDrive 'in.zip') 'x'; Import-DqcResource -Type QualityJob -Path (Join-Path $TestDrive 'in.zip') -Confirm:$false } }
        @{ Name = 'New-DqcRuleTemplate'; Call = { New-DqcRuleTemplate -Name probe -Dimension Completeness -Sql 'select 1' -Confirm:$false } }
        @{ Name = 'Remove-DqcComparisonJob'; Call = { Remove-DqcComparisonJob -Id $q1 -Confirm:$false } }
        @{ Name = 'Remove-DqcJob'; Call = { Remove-DqcJob -Id $q1 -Confirm:$false } }
        @{ Name = 'Remove-DqcRuleTemplate'; Call = { Remove-DqcRuleTemplate -Id 1 -Confirm:$false } }
        @{ Name = 'Resolve-DqcRerun'; Call = { Resolve-DqcRerun } }   # the rerun in doubt made in BeforeAll
        @{ Name = 'Restart-DqcJob'; Call = { Restart-DqcJob -RuleId $q1 } }
        @{ Name = 'Set-DqcRuleTemplate'; Call = { Set-DqcRuleTemplate -Id 1 -Name probe -Confirm:$false } }
        @{ Name = 'Start-DqcJobSchedule'; Call = { Start-DqcJobSchedule -Id $q1 -Confirm:$false } }
        @{ Name = 'Stop-DqcInstance'; Call = { Stop-DqcInstance -InstanceId 1500000000000000001 -Confirm:$false } }
        @{ Name = 'Stop-DqcJobSchedule'; Call = { Stop-DqcJobSchedule -Id $q1 -Confirm:$false } }
        @{ Name = 'Wait-DqcInstance'; Call = { Wait-DqcInstance -InstanceId 1500000000000000001 -TimeoutSec 5 -PollIntervalSec 1 } }
    )
    # The cmdlets that never call the service.
    $script:Local = 'Disconnect-DqcWorkspace', 'Get-DqcConfig', 'Get-DqcContext', 'Get-DqcRerun', 'Set-DqcConfig'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '3', '--comparison-jobs', '1'
    Connect-TestWorkspace $emulator
    $script:q1 = $emulator.QualityJobIds[0]
    # Restart-DqcJob does not look for the runs of lost answers here: the records under test are its own, and the rerun
    # below must stay in doubt.
    $null = Set-DqcConfig -MaximumRetryCount 0 -LostAnswerLookCount 0
    # A rerun whose answer is lost after the service ran it: in doubt, so Resolve-DqcRerun has one to look for.
    Add-DqcEmulatorFault $emulator -Kind Reset -After -Path '/instances/restart'
    $null = Restart-DqcJob -RuleId $q1 -ErrorAction SilentlyContinue 2>$null

    # Runs a call with the fault queued for every request; the error records it left and whether it threw.
    function script:Invoke-UnderFault([scriptblock] $Call, [string] $Kind, [int] $Status = 0) {
        Add-DqcEmulatorFault $emulator -Kind $Kind -Status $Status -Times 100
        $Error.Clear()
        $thrown = $null
        try { $null = & $Call -ErrorAction SilentlyContinue 2>$null } catch { $thrown = $_ }
        [pscustomobject]@{
            Records = @($Error | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            Thrown  = [bool]$thrown
        }
    }
}

AfterAll {
    try { Disconnect-DqcWorkspace -All } catch { }
    try { Set-DqcConfig -Reset -WarningAction SilentlyContinue } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'A call the service refuses' {
    BeforeEach { Clear-DqcEmulatorFault $emulator; Clear-DqcEmulatorRequest $emulator }
    AfterEach { Clear-DqcEmulatorFault $emulator }

    It 'covers every cmdlet of the module that calls the service' {
        $covered = @($Calls.Name) + $Local | Sort-Object
        $covered | Should -Be ((Get-Command -Module DataArtsQuality -CommandType Cmdlet).Name | Sort-Object)
    }

    It '<Name>: is reported with the service error ID and category, through the one mapping' -ForEach $Calls {
        $result = Invoke-UnderFault $Call -Kind Status -Status 403
        $records = $result.Records
        $records.Count | Should -BeGreaterThan 0
        $type = (Get-Command $Name).ImplementingType.FullName
        $records.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be "DqcPermissionDenied,$type"
        $records.CategoryInfo.Category | Sort-Object -Unique | Should -Be 'PermissionDenied'
        $result.Thrown | Should -Be ([bool]$Terminates)
        @(Get-DqcEmulatorRequest $emulator).Count | Should -BeGreaterThan 0
    }

    It '<Name>: a dropped connection is reported as a connection error with a DQC error ID' -ForEach $Calls {
        $result = Invoke-UnderFault $Call -Kind Reset
        $records = $result.Records
        $records.Count | Should -BeGreaterThan 0
        $type = (Get-Command $Name).ImplementingType.FullName
        # A rerun that may have reached the service says so (DqcRerunOutcomeUnknown); the rest cannot have connected.
        $expected = if ($Name -eq 'Restart-DqcJob') { 'DqcRerunOutcomeUnknown' } else { 'DqcConnectionFailed' }
        $records.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be "$expected,$type"
        $records.CategoryInfo.Category | Sort-Object -Unique | Should -Be 'ConnectionError'
        $result.Thrown | Should -Be ([bool]$Terminates)
    }
}
