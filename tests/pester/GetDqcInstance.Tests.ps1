BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--instance-run-ms', '300'
    Connect-TestWorkspace $emulator
    $script:q1 = $emulator.QualityJobIds[0]
    $script:c1 = $emulator.ComparisonJobIds[0]

    function script:Get-InstanceListRequest {
        Get-DqcEmulatorRequest $emulator | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/quality/instances' }
    }
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Get-DqcInstance' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'sends every filter with its wire name, enum strings upper case and times as 13-digit ms' {
        $after = [datetime]::SpecifyKind([datetime]'2025-01-02 03:04:05.678', 'Utc')
        $before = (Get-Date).AddHours(1)
        $null = Get-DqcInstance -Name customers -JobType Comparison -RunStatus failed -NotifyStatus success -After $after -Before $before
        $q = Get-InstanceListRequest | Get-RequestQuery
        $q.name | Should -BeExactly 'customers'
        $q.task_type | Should -BeExactly 'CONSISTENCY_TASK'
        $q.run_status | Should -BeExactly 'FAILED'
        $q.notify_status | Should -BeExactly 'SUCCESS'
        $q.start_time | Should -BeExactly '1735787045678'
        $q.end_time | Should -BeExactly ([string]([DateTimeOffset]$before).ToUnixTimeMilliseconds())
        $q.limit | Should -Be '100'
    }

    It 'returns typed instances whose RuleType comes from task_type' {
        $comparison = @(Get-DqcInstance -JobType Comparison)
        $comparison.Count | Should -BeGreaterThan 0
        $comparison[0] | Should -BeOfType DataArtsQuality.Models.DqcInstance
        ($comparison.RuleType | Select-Object -Unique) | Should -Be 'Comparison'
        $stored = @(Get-DqcEmulatorInstance $emulator | Where-Object task_type -eq 'CONSISTENCY_TASK')
        ($comparison.InstanceId | Sort-Object) | Should -Be ($stored.id | Sort-Object)
        ($comparison | Where-Object InstanceId -eq $stored[0].id).JobId | Should -BeExactly $stored[0].task_id
        $done = $comparison | Where-Object EndTime | Select-Object -First 1
        $done.Duration | Should -BeOfType System.TimeSpan
    }

    It 'finds instances by ID from the pipeline in one request, within a time window' {
        $submitted = @(Restart-DqcJob $q1; Restart-DqcJob $c1 -RuleType Comparison)
        Clear-DqcEmulatorRequest $emulator
        $found = @($submitted | Get-DqcInstance)
        ($found.InstanceId | Sort-Object) | Should -Be ($submitted.InstanceId | Sort-Object)
        ($found | Where-Object InstanceId -eq $submitted[1].InstanceId).RuleType | Should -Be 'Comparison'
        $requests = @(Get-InstanceListRequest | Get-RequestQuery)
        $requests.Count | Should -Be 1
        $requests[0].start_time | Should -Match '^\d{13}$'
    }

    It 'filters by job ID on the client' {
        $runs = @(Restart-DqcJob $q1; Restart-DqcJob $q1)
        $found = @(Get-DqcInstance -JobId $q1)
        $found.Count | Should -BeGreaterOrEqual 2
        ($found.JobId | Select-Object -Unique) | Should -BeExactly $q1
        $found.InstanceId | Should -Contain $runs[0].InstanceId
        $found.InstanceId | Should -Contain $runs[1].InstanceId
        (Get-InstanceListRequest | Get-RequestQuery).start_time | Should -Match '^\d{13}$'
    }

    It 'reports an instance ID it cannot find as a non-terminating error' {
        $errors = $null
        $out = Get-DqcInstance -InstanceId '1234567890123456789' -ErrorVariable errors -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcInstanceNotFound,DataArtsQuality.Commands.GetDqcInstance'
        $errors[0].TargetObject | Should -Be '1234567890123456789'
        $errors[0].ToString() | Should -BeLike '*1234567890123456789*-After*'
    }

    It 'feeds failed runs into Restart-DqcJob with the right rule type for each' {
        $failed = @(Get-DqcInstance -RunStatus FAILED -After (Get-Date).AddDays(-1))
        $failed.Count | Should -BeGreaterThan 1
        $failed.RuleType | Should -Contain 'Quality'
        $failed.RuleType | Should -Contain 'Comparison'
        Clear-DqcEmulatorRequest $emulator
        $reruns = @($failed | Restart-DqcJob)
        $reruns.Count | Should -Be $failed.Count
        # Reruns run -ThrottleLimit at a time, so the service may see them in any order; the output keeps input order.
        $reruns.RuleId | Should -Be $failed.JobId
        @((Get-RestartRequest $emulator).body | Sort-Object) | Should -Be @($failed | ForEach-Object {
                "{`"rule_type`":$([int]$_.RuleType),`"rule_id`":`"$($_.JobId)`"}" } | Sort-Object)
    }

    It 'declares its output type and has a table view' {
        (Get-Command Get-DqcInstance).OutputType.Name | Should -Be 'DataArtsQuality.Models.DqcInstance'
        (Get-DqcInstance -First 1 | Out-String -Width 200) | Should -Match 'InstanceId\s+RunStatus\s+Started\s+Name\s+JobId\s+RuleType'
    }
}

Describe 'Get-DqcInstanceResult' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'returns per-sub-rule results for instances from the pipeline' {
        $instances = @(Get-DqcInstance -RunStatus SUCCESS -First 2)
        $results = @($instances | Get-DqcInstanceResult)
        $results.Count | Should -BeGreaterOrEqual 2
        $results[0] | Should -BeOfType DataArtsQuality.Models.DqcInstanceResult
        ($results.InstanceId | Select-Object -Unique) | Should -Be $instances.InstanceId
        $results[0].SubRuleId | Should -Match '^\d{19}$'
        $results[0].Results[0]['Status'] | Should -Be 'true'
        $results[0].Results[0]['Total Rows'] | Should -Match '^\d+$'
        $paths = (Get-DqcEmulatorRequest $emulator | Where-Object path -like '*/result').path
        $paths | Should -Be @($instances | ForEach-Object { "/v2/$($emulator.ProjectId)/quality/instances/$($_.InstanceId)/result" })
    }

    It 'takes Restart-DqcJob output and reports an unknown instance per item' {
        $run = Restart-DqcJob $q1
        $errors = $null
        $results = @($run, '1234567890123456789' | Get-DqcInstanceResult -ErrorVariable errors -ErrorAction SilentlyContinue)
        ($results.InstanceId | Select-Object -Unique) | Should -Be $run.InstanceId
        $errors.Count | Should -Be 1
        $errors[0].TargetObject | Should -Be '1234567890123456789'
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcBadRequest,DataArtsQuality.Commands.GetDqcInstanceResult'
    }

    It 'declares its output type and has a table view' {
        (Get-Command Get-DqcInstanceResult).OutputType.Name | Should -Be 'DataArtsQuality.Models.DqcInstanceResult'
        (Get-DqcInstance -RunStatus SUCCESS -First 1 | Get-DqcInstanceResult | Out-String -Width 200) | Should -Match 'SubRuleId.*Results'
    }
}
