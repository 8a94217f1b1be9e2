BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator
    Connect-TestWorkspace $emulator
    $script:q1 = $emulator.QualityJobIds[0]
    $script:c1 = $emulator.ComparisonJobIds[0]

    function script:Get-ListRequest([string] $Leaf) {
        Get-DqcEmulatorRequest $emulator | Where-Object { $_.path -like "*/quality/$Leaf" }
    }
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Get-DqcJob paging' {
    AfterAll { $null = Set-DqcEmulatorConfig $emulator -QualityJobs 250 -ComparisonJobs 120 }

    It 'returns all <Count> jobs in <Requests> request(s) of 100' -ForEach @(
        @{ Count = 0; Requests = 1 }
        @{ Count = 1; Requests = 1 }
        @{ Count = 100; Requests = 1 }
        @{ Count = 101; Requests = 2 }
        @{ Count = 250; Requests = 3 }
    ) {
        $null = Set-DqcEmulatorConfig $emulator -QualityJobs $Count -ComparisonJobs 3
        $jobs = @(Get-DqcJob)
        $jobs.Count | Should -Be $Count
        @($jobs.Id | Select-Object -Unique).Count | Should -Be $Count
        if ($Count -gt 0) { $jobs[0] | Should -BeOfType DataArtsQuality.Models.DqcJob }
        $sent = @(Get-ListRequest 'quality-tasks' | Get-RequestQuery)
        $sent.Count | Should -Be $Requests
        $sent.limit | Should -Be (@('100') * $Requests)
        $sent.offset | Should -Be (0..($Requests - 1) | ForEach-Object { [string]($_ * 100) })
    }

    It 'pages comparison jobs the same way (120 in 2 requests)' {
        $null = Set-DqcEmulatorConfig $emulator -QualityJobs 5 -ComparisonJobs 120
        $jobs = @(Get-DqcComparisonJob)
        $jobs.Count | Should -Be 120
        ($jobs.RuleType | Select-Object -Unique) | Should -Be 'Comparison'
        (Get-ListRequest 'consistency-tasks' | Get-RequestQuery).offset | Should -Be @('0', '100')
    }
}

Describe 'Get-DqcJob -First, -Skip, -IncludeTotalCount' {
    BeforeAll { $null = Set-DqcEmulatorConfig $emulator -QualityJobs 250 -ComparisonJobs 120 }
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'stops requesting pages once -First has enough' {
        $jobs = @(Get-DqcJob -First 150)
        $jobs.Count | Should -Be 150
        $requests = @(Get-ListRequest 'quality-tasks' | Get-RequestQuery)
        $requests.Count | Should -Be 2
        $requests[0].limit | Should -Be '100'
        $requests[1].limit | Should -Be '50'
        $requests[1].offset | Should -Be '100'
    }

    It 'asks for only what a small -First needs' {
        $jobs = @(Get-DqcComparisonJob -First 3)
        $jobs.Count | Should -Be 3
        $jobs[0].Id | Should -BeExactly $c1
        $requests = @(Get-ListRequest 'consistency-tasks' | Get-RequestQuery)
        $requests.Count | Should -Be 1
        $requests[0].limit | Should -Be '3'
    }

    It 'stops when a downstream Select-Object -First has enough' {
        $jobs = @(Get-DqcJob | Select-Object -First 5)
        $jobs.Count | Should -Be 5
        @(Get-ListRequest 'quality-tasks').Count | Should -Be 1
    }

    It 'sends -Skip as the record offset' {
        $all = @(Get-DqcJob)
        Clear-DqcEmulatorRequest $emulator
        $page = @(Get-DqcJob -Skip 120 -First 10)
        $page.Id | Should -Be $all[120..129].Id
        $request = Get-ListRequest 'quality-tasks' | Get-RequestQuery
        $request.offset | Should -Be '120'
        $request.limit | Should -Be '10'
    }

    It 'makes no request for -First 0' {
        @(Get-DqcJob -First 0).Count | Should -Be 0
        @(Get-ListRequest 'quality-tasks').Count | Should -Be 0
    }

    It 'reports the total first with -IncludeTotalCount' {
        $out = @(Get-DqcJob -First 2 -IncludeTotalCount)
        $out.Count | Should -Be 3
        $out[0].ToString() | Should -Be 'Total count: 250'
        $out[1] | Should -BeOfType DataArtsQuality.Models.DqcJob
    }
}

Describe 'Get-DqcJob filters' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'sends every filter with its wire name, enum strings upper case and times as 13-digit ms' {
        $after = [datetime]::SpecifyKind([datetime]'2025-01-02 03:04:05.678', 'Utc')
        $before = [datetime]::SpecifyKind([datetime]'2031-06-07 08:09:10.123', 'Utc')
        $jobs = @(Get-DqcJob -Name orders -ScheduleStatus scheduling -Creator ei -CategoryId 1012384968858652701 -LastRunAfter $after -LastRunBefore $before)
        $q = Get-ListRequest 'quality-tasks' | Get-RequestQuery
        $q.name | Should -BeExactly 'orders'
        $q.schedule_status | Should -BeExactly 'SCHEDULING'
        $q.creator | Should -BeExactly 'ei'
        $q.category_id | Should -BeExactly '1012384968858652701'
        $q.start_time | Should -BeExactly '1735787045678'
        $q.end_time | Should -BeExactly ([string]([DateTimeOffset]$before).ToUnixTimeMilliseconds())
        $q.end_time | Should -Match '^\d{13}$'
        foreach ($job in $jobs) {
            $job.Name | Should -BeLike '*orders*'
            $job.ScheduleStatus | Should -Be 'SCHEDULING'
            $job.CategoryId | Should -BeExactly '1012384968858652701'
        }
    }

    It 'takes a local DateTime as local time' {
        $local = [datetime]::new(2025, 3, 4, 5, 6, 7, [DateTimeKind]::Local)
        $null = Get-DqcComparisonJob -LastRunAfter $local
        (Get-ListRequest 'consistency-tasks' | Get-RequestQuery).start_time | Should -BeExactly ([string]([DateTimeOffset]$local).ToUnixTimeMilliseconds())
    }

    It 'refuses a schedule status outside the enum before any request' {
        { Get-DqcJob -ScheduleStatus NIGHTLY } | Should -Throw -ErrorId 'ParameterArgumentValidationError,DataArtsQuality.Commands.GetDqcJob'
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'returns times as DateTimeOffset and IDs exact' {
        $job = Get-DqcJob -First 1
        $job.Id | Should -BeExactly $q1
        $job.CreateTime | Should -BeOfType System.DateTimeOffset
        $job.RuleType | Should -Be 'Quality'
    }
}

Describe 'Get-DqcJob -Id and Get-DqcComparisonJob -Id' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }
    AfterAll { $null = Set-DqcEmulatorConfig $emulator -NestedSubRules $false }

    It 'returns the detail with exact sub-rule IDs, for IDs from the pipeline' {
        $details = @(Get-DqcJob -First 2 | Get-DqcJob)
        $details.Count | Should -Be 2
        $details[0] | Should -BeOfType DataArtsQuality.Models.DqcJobDetail
        $details[0].Id | Should -BeExactly $q1
        (Get-ListRequest "quality-tasks/*").path | Should -Be @("/v2/$($emulator.ProjectId)/quality/quality-tasks/$q1", "/v2/$($emulator.ProjectId)/quality/quality-tasks/$($details[1].Id)")
        $raw = Invoke-RestMethod -Uri "$($emulator.Url)/v2/$($emulator.ProjectId)/quality/quality-tasks/$q1" -Headers @{ 'X-Auth-Token' = $emulator.Token; workspace = $emulator.WorkspaceId }
        $details[0].SubRules.Id | Should -Be @($raw.sub_rules | ForEach-Object { ([long]$_.id).ToString() })
        $details[0].SubRules[0].JobId | Should -BeExactly $q1
        $details[0].SubRules | Where-Object { $null -ne $_.Group } | Should -BeNullOrEmpty
    }

    It 'reads comparison sub_rules sent flat' {
        $null = Set-DqcEmulatorConfig $emulator -NestedSubRules $false
        $detail = Get-DqcComparisonJob -Id $c1
        $detail.RuleType | Should -Be 'Comparison'
        $detail.SubRules.Count | Should -Be 4
        $detail.SubRules | Where-Object { $null -ne $_.Group } | Should -BeNullOrEmpty
    }

    It 'reads comparison sub_rules sent as an array of arrays, keeping the groups' {
        $null = Set-DqcEmulatorConfig $emulator -NestedSubRules $true
        $detail = Get-DqcComparisonJob -Id $c1
        $detail.SubRules.Count | Should -Be 4
        $detail.SubRules.Group | Should -Be @(0, 0, 1, 1)
        $detail.SubRules.Id | Should -Match '^\d{19}$'
    }

    It 'reports a missing or wrong-kind job per item and goes on' {
        $errors = $null
        $out = @($q1, $c1, '1440764172232392704' | Get-DqcJob -ErrorVariable errors -ErrorAction SilentlyContinue)
        $out.Id | Should -Be @($q1)
        $errors.Count | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcBadRequest,DataArtsQuality.Commands.GetDqcJob'
        $errors[0].TargetObject | Should -Be $c1
        $errors[1].ToString() | Should -BeLike '*quality job 1440764172232392704*DQC.4004*'
    }

    It 'refuses a malformed ID before any request' {
        $errors = $null
        Get-DqcComparisonJob -Id 'job-7' -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcIdNotNumeric,DataArtsQuality.Commands.GetDqcComparisonJob'
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }
}

Describe 'Piping job lists into Restart-DqcJob' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 're-runs quality jobs with rule_type 1' {
        $jobs = @(Get-DqcJob -First 2)
        $instances = @($jobs | Restart-DqcJob)
        $instances.RuleId | Should -Be $jobs.Id
        # Reruns are concurrent (-ThrottleLimit): the service may see them in any order.
        @((Get-RestartRequest $emulator).body | Sort-Object) | Should -Be @($jobs | ForEach-Object { "{`"rule_type`":1,`"rule_id`":`"$($_.Id)`"}" } | Sort-Object)
    }

    It 're-runs comparison jobs with rule_type 2 without naming the type' {
        $jobs = @(Get-DqcComparisonJob -First 3)
        $instances = @($jobs | Restart-DqcJob)
        $instances.RuleType | Should -Be @('Comparison', 'Comparison', 'Comparison')
        @((Get-RestartRequest $emulator).body | Sort-Object) | Should -Be @($jobs | ForEach-Object { "{`"rule_type`":2,`"rule_id`":`"$($_.Id)`"}" } | Sort-Object)
    }
}

Describe 'The job cmdlets' {
    It 'declare truthful output types' {
        (Get-Command Get-DqcJob).OutputType.Name | Should -Be @('DataArtsQuality.Models.DqcJob', 'DataArtsQuality.Models.DqcJobDetail')
        (Get-Command Get-DqcComparisonJob).OutputType.Name | Should -Be @('DataArtsQuality.Models.DqcJob', 'DataArtsQuality.Models.DqcJobDetail')
    }

    It 'have a default table view' {
        $text = Get-DqcJob -First 1 | Out-String -Width 200
        $text | Should -Match 'Id\s+Name\s+ScheduleStatus\s+LastRun\s+Period\s+Creator\s+RuleType'
        $text | Should -Match ([regex]::Escape($q1))
    }
}
