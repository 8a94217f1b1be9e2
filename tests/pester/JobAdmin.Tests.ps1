BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '130', '--comparison-jobs', '4'
    Connect-TestWorkspace $emulator
    $script:q1 = $emulator.QualityJobIds[0]
    $script:q2 = $emulator.QualityJobIds[1]
    $script:q3 = $emulator.QualityJobIds[2]
    $script:c1 = $emulator.ComparisonJobIds[0]
    $script:c2 = $emulator.ComparisonJobIds[1]
    function Get-StoredJob { Invoke-RestMethod "$($emulator.Url)/_emulator/rest/jobs" | ForEach-Object { $_ } }
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Remove-DqcJob' {
    BeforeEach { Reset-DqcEmulator $emulator }

    It 'deletes N piped IDs in one request whose body is a bare array of exact numbers' {
        $q2, $q3 | Remove-DqcJob -Force
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests.Count | Should -Be 1
        $requests[0].path | Should -Be "/v2/$($emulator.ProjectId)/quality/quality-tasks/batch-delete"
        $requests[0].body | Should -BeExactly "[$q2,$q3]"
        (Get-StoredJob).id | Should -Not -Contain $q2
        (Get-StoredJob).id | Should -Contain $q1
    }

    It 'splits more than 100 IDs into batches of at most 100' {
        $ids = @((Get-StoredJob | Where-Object task_type -eq 'QUALITY_TASK').id | Select-Object -First 120)
        $ids | Remove-DqcJob -Force
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests.Count | Should -Be 2
        ($requests[0].body | ConvertFrom-Json).Count | Should -Be 100
        ($requests[1].body | ConvertFrom-Json).Count | Should -Be 20
        @(Get-StoredJob | Where-Object task_type -eq 'QUALITY_TASK').Count | Should -Be 10
    }

    It 'binds Id/JobId by property name and keeps JSON Int64 IDs exact' {
        $jobs = "[{`"JobId`":$q2},{`"Id`":$q3}]" | ConvertFrom-Json
        $jobs | Remove-DqcJob -Force
        (Get-DqcEmulatorRequest $emulator).body | Should -BeExactly "[$q2,$q3]"
    }

    It 'sends nothing with -WhatIf' {
        $q1, $q2 | Remove-DqcJob -WhatIf
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
        (Get-StoredJob).id | Should -Contain $q1
    }

    It 'refuses a bad ID before any request and sends the rest' {
        $errors = $null
        [double]1440764172232392705, $q2 | Remove-DqcJob -Force -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcIdLostPrecision,DataArtsQuality.Commands.RemoveDqcJob'
        (Get-DqcEmulatorRequest $emulator).body | Should -BeExactly "[$q2]"
    }

    It 'reports an unknown job with the DQC code, the batch as target' {
        $errors = $null
        '1440764172232392704' | Remove-DqcJob -Force -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcBadRequest,DataArtsQuality.Commands.RemoveDqcJob'
        $errors[0].ToString() | Should -BeLike '*1440764172232392704*DQC.4004*'
    }

    It 'has ConfirmImpact High and -Force' {
        (Get-Command Remove-DqcJob).Parameters.Keys | Should -Contain 'Force'
        (Get-Command Remove-DqcJob).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }
}

Describe 'Remove-DqcComparisonJob' {
    BeforeEach { Reset-DqcEmulator $emulator }

    It 'deletes piped comparison jobs in one request to consistency-tasks/batch-delete' {
        $c1, $c2 | Remove-DqcComparisonJob -Force
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests.Count | Should -Be 1
        $requests[0].path | Should -Be "/v2/$($emulator.ProjectId)/quality/consistency-tasks/batch-delete"
        $requests[0].body | Should -BeExactly "[$c1,$c2]"
        (Get-StoredJob).id | Should -Not -Contain $c1
    }

    It 'sends nothing with -WhatIf' {
        $c1 | Remove-DqcComparisonJob -WhatIf
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'does not delete a quality job given as a comparison job' {
        $errors = $null
        Remove-DqcComparisonJob $q1 -Force -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].Exception.ErrorCode | Should -Be 'DQC.4004'
        (Get-StoredJob).id | Should -Contain $q1
    }
}

Describe 'Start-DqcJobSchedule and Stop-DqcJobSchedule' {
    BeforeEach { Reset-DqcEmulator $emulator }

    It 'starts the schedule: action start with rule_id as a string' {
        Start-DqcJobSchedule $q1
        $r = Get-DqcEmulatorRequest $emulator
        $r.path | Should -Be "/v2/$($emulator.ProjectId)/quality/quality-tasks/action"
        $r.body | Should -BeExactly "{`"action`":`"start`",`"rule_id`":`"$q1`"}"
        (Get-StoredJob | Where-Object id -eq $q1).schedule_status | Should -Be 'SCHEDULING'
    }

    It 'stops the schedules of piped jobs, one request each' {
        $q1, $q2 | Stop-DqcJobSchedule -Force
        (Get-DqcEmulatorRequest $emulator).body | Should -Be @("{`"action`":`"stop`",`"rule_id`":`"$q1`"}", "{`"action`":`"stop`",`"rule_id`":`"$q2`"}")
        (Get-StoredJob | Where-Object id -in $q1, $q2).schedule_status | Should -Be @('KILL', 'KILL')
    }

    It 'writes the service message as verbose' {
        $v = Start-DqcJobSchedule $q1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($v.Message -join "`n") | Should -Match 'schedule is started'
    }

    It 'sends nothing with -WhatIf' {
        Start-DqcJobSchedule $q1 -WhatIf
        Stop-DqcJobSchedule $q1 -WhatIf -Force
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'Stop has ConfirmImpact High' {
        (Get-Command Stop-DqcJobSchedule).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'reports a comparison job as unknown to the schedule API' {
        $errors = $null
        Start-DqcJobSchedule $c1 -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcBadRequest,DataArtsQuality.Commands.StartDqcJobSchedule'
        $errors[0].TargetObject | Should -Be $c1
    }
}

Describe 'Get-DqcLegacyJob' {
    BeforeAll { Reset-DqcEmulator $emulator }
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'reads the v1 envelope: string IDs, ISO times, integer statuses as names' {
        $jobs = @(Get-DqcLegacyJob -First 3)
        $jobs[0] | Should -BeOfType DataArtsQuality.Models.DqcLegacyJob
        $jobs.Id | Should -Be @($q1, $q2, $q3)
        $jobs[0].ScheduleStatus | Should -Be 'NotStarted'
        $jobs[0].ScheduleStatusCode | Should -Be 1
        $jobs[0].CreateTime | Should -BeOfType DateTimeOffset
        $jobs[0].CreateTime.Offset | Should -Be ([TimeSpan]::FromHours(8))
        $r = Get-DqcEmulatorRequest $emulator
        $r.path | Should -Be "/v1/$($emulator.ProjectId)/quality/rules"
        $r.query | Should -Be '?limit=3&offset=0'
        $r.headers.workspace | Should -Be $emulator.WorkspaceId
    }

    It 'pages through data.num with offset and limit' {
        $all = @(Get-DqcLegacyJob)
        $all.Count | Should -Be 130
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 2
    }

    It 'sends the v1 filters as integers and yyyy-MM-dd HH:mm:ss' {
        $null = Get-DqcLegacyJob -Name orders -ScheduleStatus Scheduling -SchedulePeriod Day -ResultStatus Normal -CategoryId 0 -After ([datetime]'2026-01-02T03:04:05Z')
        (Get-DqcEmulatorRequest $emulator).query | Should -Be '?category_id=0&rule_name=orders&schedule_status=2&schedule_period=3&start_time=2026-01-02%2011%3A04%3A05&result_status=3&limit=100&offset=0'
    }

    It 'filters by the last result' {
        $failed = @(Get-DqcLegacyJob -ResultStatus Abnormal)
        $lastRuns = Get-DqcEmulatorInstance $emulator | Where-Object task_type -eq 'QUALITY_TASK' | Group-Object task_id | ForEach-Object { $_.Group[-1] }
        $expected = @($lastRuns | Where-Object run_status -eq 'FAILED' | ForEach-Object task_id)
        $expected.Count | Should -BeGreaterThan 0
        @($failed.Id | Sort-Object) | Should -Be @($expected | Sort-Object)
    }

    It 'pipes into Restart-DqcJob as quality jobs' {
        $i = Get-DqcLegacyJob -First 1 | Restart-DqcJob
        $i.RuleId | Should -BeExactly $q1
        $i.RuleType | Should -Be 'Quality'
    }
}
