BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--instance-run-ms', '1500'
    Connect-TestWorkspace $emulator
    $script:q1 = $emulator.QualityJobIds[0]   # ends SUCCESS
    $script:q2 = $emulator.QualityJobIds[1]   # ends FAILED
    $script:q3 = $emulator.QualityJobIds[2]   # ends ALARMING

    function script:Get-InstanceListRequest {
        Get-DqcEmulatorRequest $emulator | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/quality/instances' }
    }
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Wait-DqcInstance' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'waits until each instance leaves RUNNING and emits the final instances' {
        $runs = @($q1, $q2, $q3 | Restart-DqcJob)
        $final = @($runs | Wait-DqcInstance -PollIntervalSec 1 -TimeoutSec 60)
        $final.Count | Should -Be 3
        $final[0] | Should -BeOfType DataArtsQuality.Models.DqcInstance
        ($final.InstanceId | Sort-Object) | Should -Be ($runs.InstanceId | Sort-Object)
        ($final | Where-Object JobId -eq $q1).RunStatus | Should -Be 'SUCCESS'
        ($final | Where-Object JobId -eq $q2).RunStatus | Should -Be 'FAILED'
        ($final | Where-Object JobId -eq $q3).RunStatus | Should -Be 'ALARMING'
        $final.EndTime | Should -Not -BeNullOrEmpty
        $final.SubmittedAt | Should -Not -BeNullOrEmpty
    }

    It 'shares one listing per poll among all waited instances' {
        $runs = @(Get-DqcJob -First 12 | Restart-DqcJob)
        Clear-DqcEmulatorRequest $emulator
        $out = Wait-DqcInstance -InstanceId $runs.InstanceId -PollIntervalSec 1 -TimeoutSec 60 -Verbose 4>&1
        $final = @($out | Where-Object { $_ -is [DataArtsQuality.Models.DqcInstance] })
        $polls = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'wait poll *' }).Count
        $final.Count | Should -Be 12
        $polls | Should -BeGreaterThan 1
        # One request per poll (all 12 are on the first page), whatever the number of instances.
        @(Get-InstanceListRequest).Count | Should -Be $polls
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be $polls
    }

    It 'times out cleanly: one non-terminating error per instance naming its ID and last status' {
        $null = Set-DqcEmulatorConfig $emulator -InstanceRunMs 60000
        try {
            $runs = @($q1, $q2 | Restart-DqcJob)
            $errors = $null
            $final = @($runs | Wait-DqcInstance -TimeoutSec 1 -PollIntervalSec 1 -ErrorVariable errors -ErrorAction SilentlyContinue)
            $final.Count | Should -Be 0
            $errors.Count | Should -Be 2
            $errors.FullyQualifiedErrorId | Should -Be @('DqcWaitTimeout,DataArtsQuality.Commands.WaitDqcInstance', 'DqcWaitTimeout,DataArtsQuality.Commands.WaitDqcInstance')
            $errors.CategoryInfo.Category | Should -Be @('OperationTimeout', 'OperationTimeout')
            $errors.TargetObject | Should -Be $runs.InstanceId
            $errors[0].ToString() | Should -BeLike "*$($runs[0].InstanceId)*last status was RUNNING*"
        }
        finally {
            $null = Set-DqcEmulatorConfig $emulator -InstanceRunMs 1500
        }
    }

    It 'reports an instance that is not in the list instead of waiting for it forever' {
        $errors = $null
        $final = @(Wait-DqcInstance -InstanceId '1234567890123456789' -PollIntervalSec 1 -TimeoutSec 30 -ErrorVariable errors -ErrorAction SilentlyContinue)
        $final.Count | Should -Be 0
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcInstanceNotFound,DataArtsQuality.Commands.WaitDqcInstance'
        $errors[0].TargetObject | Should -Be '1234567890123456789'
    }

    It 'reports a failed poll once per instance it was still waiting for, with the service error ID, and does not throw' {
        $runs = @($q1, $q2 | Restart-DqcJob)
        Add-DqcEmulatorFault $emulator -Kind Status -Status 403 -Method GET -Path '/quality/instances'
        try {
            $errors = $null
            $final = @($runs | Wait-DqcInstance -PollIntervalSec 1 -TimeoutSec 30 -ErrorVariable errors -ErrorAction SilentlyContinue)
        }
        finally { Clear-DqcEmulatorFault $emulator }
        $final.Count | Should -Be 0
        $errors.Count | Should -Be 2
        $errors.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'DqcPermissionDenied,DataArtsQuality.Commands.WaitDqcInstance'
        $errors.CategoryInfo.Category | Sort-Object -Unique | Should -Be 'PermissionDenied'
        ($errors.TargetObject | Sort-Object) | Should -Be ($runs.InstanceId | Sort-Object)
        $errors[0].ErrorDetails.Message | Should -BeLike "Could not wait for instance $($runs[0].InstanceId)*403*"
    }

    It 'stops polling when the pipeline stops downstream' {
        $null = Set-DqcEmulatorConfig $emulator -InstanceRunMs 500
        $quick = $q1 | Restart-DqcJob
        $null = Set-DqcEmulatorConfig $emulator -InstanceRunMs 60000
        try {
            $slow = $q2 | Restart-DqcJob
            $first = @($quick, $slow | Wait-DqcInstance -PollIntervalSec 1 -TimeoutSec 60 | Select-Object -First 1)
            $first.InstanceId | Should -Be $quick.InstanceId
            Clear-DqcEmulatorRequest $emulator
            Start-Sleep -Seconds 3
            @(Get-InstanceListRequest).Count | Should -Be 0
        }
        finally {
            $null = Set-DqcEmulatorConfig $emulator -InstanceRunMs 1500
        }
    }

    It 'declares its output type' {
        (Get-Command Wait-DqcInstance).OutputType.Name | Should -Be 'DataArtsQuality.Models.DqcInstance'
    }
}

Describe 'Restart-DqcJob -Wait' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 're-runs comparison jobs and emits their final instances' {
        $jobs = @(Get-DqcComparisonJob -First 3)
        $final = @($jobs | Restart-DqcJob -Wait -PollIntervalSec 1 -TimeoutSec 60)
        $final.Count | Should -Be 3
        $final.JobId | Should -Be $jobs.Id
        $final.RuleType | Should -Be @('Comparison', 'Comparison', 'Comparison')
        $final | ForEach-Object { $_.RunStatus | Should -BeIn @('SUCCESS', 'ALARMING', 'FAILED') }
        @((Get-RestartRequest $emulator).body | Sort-Object) | Should -Be @($jobs | ForEach-Object { "{`"rule_type`":2,`"rule_id`":`"$($_.Id)`"}" } | Sort-Object)
    }

    It 're-runs every job whose run failed, once however many of its runs failed, and shows they still fail' {
        $failed = @(Get-DqcInstance -RunStatus FAILED -Before (Get-Date))
        $jobs = @($failed.JobId | Sort-Object -Unique)
        $failed.Count | Should -BeGreaterOrEqual $jobs.Count
        # The jobs whose latest run failed; the others have run since (a later success), so are not started again.
        $all = @(Get-DqcInstance -Before (Get-Date))
        $stillFailing = @($failed | Sort-Object JobId -Unique | Where-Object {
                $run = $_
                (@($all | Where-Object { $_.JobId -eq $run.JobId -and $_.RuleType -eq $run.RuleType } | Sort-Object StartTime -Descending)[0]).RunStatus -eq 'FAILED'
            })
        $stillFailing.Count | Should -BeGreaterThan 1
        $final = @($failed | Restart-DqcJob -Wait -PollIntervalSec 1 -TimeoutSec 60 -WarningAction SilentlyContinue)
        # A piped run is a conditional rerun: a job's older failed run has a newer one, so each job is started once.
        $sent = @((Get-RestartRequest $emulator).body | Sort-Object)
        $expected = @($stillFailing | ForEach-Object { "{`"rule_type`":$([int]$_.RuleType),`"rule_id`":`"$($_.JobId)`"}" } | Sort-Object)
        @(Compare-Object $sent $expected | ForEach-Object { "$($_.SideIndicator) $($_.InputObject)" }) | Should -BeNullOrEmpty
        (@($final | Where-Object JobId -in $stillFailing.JobId).RunStatus | Select-Object -Unique) | Should -Be 'FAILED'
        @($final.JobId | Sort-Object -Unique) | Should -Be $jobs
    }


    It 'warns for each rerun it had submitted when an error under -ErrorAction Stop ends it before the wait' {
        $warnings = $null
        $caught = $null
        try { $q1, '1440764172232392704' | Restart-DqcJob -Wait -ErrorAction Stop -WarningVariable warnings -WarningAction SilentlyContinue }
        catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'DqcBadRequest,DataArtsQuality.Commands.RestartDqcJob'
        @(Get-RestartRequest $emulator).Count | Should -Be 2
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "quality job $q1 was re-run (instance *), but the pipeline stopped before the wait."
    }

    It 'warns for each rerun it has not reported when the service refuses a poll, then stops with the service error' {
        $warnings = $null
        $caught = $null
        $runs = $null
        Add-DqcEmulatorFault $emulator -Kind Status -Status 403 -Method GET -Path '/quality/instances'
        try {
            try { $runs = $q1, $q2 | Restart-DqcJob -Wait -PollIntervalSec 1 -TimeoutSec 30 -WarningVariable warnings -WarningAction SilentlyContinue }
            catch { $caught = $_ }
        }
        finally { Clear-DqcEmulatorFault $emulator }
        $runs | Should -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -Be 'DqcPermissionDenied,DataArtsQuality.Commands.RestartDqcJob'
        @(Get-RestartRequest $emulator).Count | Should -Be 2
        $warnings.Count | Should -Be 2
        $warnings | ForEach-Object { "$_" | Should -BeLike 'quality job * was re-run (instance *), but waiting for it failed.' }
    }

    It 'sends nothing and waits for nothing with -WhatIf' {
        @($q1 | Restart-DqcJob -Wait -WhatIf).Count | Should -Be 0
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }
}
