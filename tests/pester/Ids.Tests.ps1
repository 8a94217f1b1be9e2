# IDs in every shape a script may hold them, and one check (one wording, one error ID per problem) on every cmdlet
# that takes an ID.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '5', '--comparison-jobs', '2'
    Connect-TestWorkspace $emulator
    $script:q1 = $emulator.QualityJobIds[0]
    $script:q2 = $emulator.QualityJobIds[1]
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Restart-DqcJob takes IDs in every integral shape, exactly' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'accepts <Shape> without losing a digit' -ForEach @(
        @{ Shape = '[uint64]'; Convert = { param($s) [uint64]$s } }
        @{ Shape = '[bigint]'; Convert = { param($s) [bigint]::Parse($s) } }
        @{ Shape = 'an integral [decimal]'; Convert = { param($s) [decimal]$s } }
        @{ Shape = '[long]'; Convert = { param($s) [long]$s } }
    ) {
        $value = & $Convert $q1
        $run = Restart-DqcJob -RuleId $value
        $run.RuleId | Should -BeExactly $q1
        (Get-RestartRequest $emulator).body | Should -Be "{`"rule_type`":1,`"rule_id`":`"$q1`"}"
        $piped = $value | Restart-DqcJob
        $piped.RuleId | Should -BeExactly $q1
    }

    It 'runs an array given to -RuleId as the pipeline does' {
        $runs = @(Restart-DqcJob -RuleId $q1, $q2)
        $runs.RuleId | Should -Be @($q1, $q2)
        @(Get-RestartRequest $emulator).Count | Should -Be 2
        $runs = @(Restart-DqcJob -RuleId ([uint64]$q1), 'nope', $q2 -ErrorVariable errors -ErrorAction SilentlyContinue)
        $runs.RuleId | Should -Be @($q1, $q2)
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcIdNotNumeric,DataArtsQuality.Commands.RestartDqcJob'
    }
}

Describe 'One ID check with one wording and error ID per problem' {
    BeforeAll {
        # Every cmdlet (and parameter) that takes a DQC ID, called with one bad value.
        $script:Calls = [ordered]@{
            'Restart-DqcJob -RuleId'              = { param($v) Restart-DqcJob -RuleId $v }
            'Get-DqcJob -Id'                      = { param($v) Get-DqcJob -Id $v }
            'Get-DqcComparisonJob -Id'            = { param($v) Get-DqcComparisonJob -Id $v }
            'Get-DqcJob -CategoryId'              = { param($v) Get-DqcJob -CategoryId $v }
            'Get-DqcInstance -InstanceId'         = { param($v) Get-DqcInstance -InstanceId $v }
            'Get-DqcInstance -JobId'              = { param($v) Get-DqcInstance -JobId $v }
            'Wait-DqcInstance'                    = { param($v) Wait-DqcInstance -InstanceId $v -TimeoutSec 1 }
            'Get-DqcInstanceResult'               = { param($v) Get-DqcInstanceResult -InstanceId $v }
            'Stop-DqcInstance'                    = { param($v) Stop-DqcInstance -InstanceId $v -Confirm:$false }
            'Add-DqcInstanceRecord'               = { param($v) Add-DqcInstanceRecord -InstanceId $v -Comment 'x' }
            'Remove-DqcJob'                       = { param($v) Remove-DqcJob -Id $v -Confirm:$false }
            'Remove-DqcComparisonJob'             = { param($v) Remove-DqcComparisonJob -Id $v -Confirm:$false }
            'Start-DqcJobSchedule'                = { param($v) Start-DqcJobSchedule -Id $v -Confirm:$false }
            'Stop-DqcJobSchedule'                 = { param($v) Stop-DqcJobSchedule -Id $v -Confirm:$false }
            'Get-DqcRuleTemplate -Id'             = { param($v) Get-DqcRuleTemplate -Id $v }
            'Get-DqcRuleTemplate -CategoryId'     = { param($v) Get-DqcRuleTemplate -CategoryId $v }
            'Set-DqcRuleTemplate'                 = { param($v) Set-DqcRuleTemplate -Id $v -Name 'n' -Confirm:$false }
            'Remove-DqcRuleTemplate'              = { param($v) Remove-DqcRuleTemplate -Id $v -Confirm:$false }
            'Get-DqcLegacyJob -CategoryId'        = { param($v) Get-DqcLegacyJob -CategoryId $v }
            'Export-DqcResource -Id'              = { param($v) Export-DqcResource RuleTemplate (Join-Path $TestDrive 'x.json') -Id $v }
            'Get-DqcReportRuleResult'             = { param($v) Get-DqcReportRuleResult -SubRuleInstanceId $v }
        }
    }
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It '<Case> is <ErrorId> on every cmdlet, with the same reason, before any request' -ForEach @(
        @{ Case = 'a negative ID'; Value = -5; ErrorId = 'DqcIdNotPositive'; Reason = "'-5' is not a valid ID: IDs are positive." }
        @{ Case = 'a negative 19-digit ID'; Value = '-1440764172232392705'; ErrorId = 'DqcIdNotPositive'; Reason = 'is not a valid ID: IDs are positive.' }
        @{ Case = '2^63'; Value = '9223372036854775808'; ErrorId = 'DqcIdOutOfRange'; Reason = "'9223372036854775808' is not a valid ID: IDs are signed 64-bit integers, at most 9223372036854775807." }
        @{ Case = '2^63 as [uint64]'; Value = [uint64]9223372036854775808; ErrorId = 'DqcIdOutOfRange'; Reason = 'IDs are signed 64-bit integers' }
        @{ Case = 'a double above 2^53'; Value = [double]1440764172232392705; ErrorId = 'DqcIdLostPrecision'; Reason = 'arrived as a floating-point number above 2^53' }
        @{ Case = 'text'; Value = 'job-7'; ErrorId = 'DqcIdNotNumeric'; Reason = "'job-7' is not a valid ID: DQC IDs are whole decimal numbers" }
    ) {
        foreach ($name in $Calls.Keys) {
            $Error.Clear()
            $ErrorActionPreference = 'SilentlyContinue'
            try { $null = & $Calls[$name] $Value } catch { }
            $ErrorActionPreference = 'Continue'
            $Error.Count | Should -Be 1 -Because "$name refuses $Case with one error"
            $Error[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*" -Because "$name refuses $Case"
            $Error[0].CategoryInfo.Category | Should -Be 'InvalidArgument' -Because $name
            $Error[0].ToString() | Should -BeLike "*$Reason*" -Because $name
        }
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'throws a DqcException that one catch clause catches, with the error ID on it' {
        $caught = $null
        try { Get-DqcInstance -InstanceId 'job-7' -ErrorAction Stop } catch [DataArtsQuality.Client.DqcException] { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.Exception.ErrorId | Should -Be 'DqcIdNotNumeric'
        $caught.FullyQualifiedErrorId | Should -BeLike "$($caught.Exception.ErrorId),*"
    }

    It 'names the parameter''s noun in the message on every cmdlet' {
        $nouns = @{
            'Restart-DqcJob -RuleId' = 'rule ID'; 'Get-DqcJob -Id' = 'quality job ID'; 'Get-DqcComparisonJob -Id' = 'comparison job ID'
            'Get-DqcJob -CategoryId' = 'category ID'; 'Get-DqcInstance -InstanceId' = 'instance ID'; 'Get-DqcInstance -JobId' = 'job ID'
            'Wait-DqcInstance' = 'instance ID'; 'Get-DqcInstanceResult' = 'instance ID'; 'Stop-DqcInstance' = 'instance ID'
            'Add-DqcInstanceRecord' = 'instance ID'; 'Remove-DqcJob' = 'quality job ID'; 'Remove-DqcComparisonJob' = 'comparison job ID'
            'Start-DqcJobSchedule' = 'quality job ID'; 'Stop-DqcJobSchedule' = 'quality job ID'; 'Get-DqcRuleTemplate -Id' = 'rule template ID'
            'Get-DqcRuleTemplate -CategoryId' = 'category ID'; 'Set-DqcRuleTemplate' = 'rule template ID'
            'Remove-DqcRuleTemplate' = 'rule template ID'; 'Get-DqcLegacyJob -CategoryId' = 'category ID'
            'Export-DqcResource -Id' = 'rule template ID'; 'Get-DqcReportRuleResult' = 'sub-rule instance ID'
        }
        foreach ($name in $Calls.Keys) {
            $nouns.ContainsKey($name) | Should -BeTrue -Because "$name needs an expected noun here"
            $Error.Clear()
            $ErrorActionPreference = 'SilentlyContinue'
            try { $null = & $Calls[$name] 'job-7' } catch { }
            $ErrorActionPreference = 'Continue'
            $Error[0].ToString() | Should -BeLike "The $($nouns[$name]) 'job-7' is not a valid ID*" -Because $name
            $Error[0].TargetObject | Should -Be 'job-7' -Because $name
        }
    }
}
