BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator
    Connect-TestWorkspace $emulator
    $script:q1 = $emulator.QualityJobIds[0]      # 1440764172232392705
    $script:q2 = $emulator.QualityJobIds[1]      # 1283480044387540993
    $script:c1 = $emulator.ComparisonJobIds[0]
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Restart-DqcJob' {
    BeforeEach {
        Clear-DqcEmulatorRequest $emulator
    }

    It 'sends exactly the documented body with the workspace and X-Auth-Token headers' {
        $null = Restart-DqcJob -RuleId '1440764172232392705'
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests.Count | Should -Be 1
        $requests[0].method | Should -Be 'POST'
        $requests[0].path | Should -Be "/v2/$($emulator.ProjectId)/quality/instances/restart"
        $requests[0].body | Should -BeExactly '{"rule_type":1,"rule_id":"1440764172232392705"}'
        $requests[0].headers.workspace | Should -Be $emulator.WorkspaceId
        $requests[0].headers.'x-auth-token' | Should -Be $emulator.Token
        $requests[0].headers.'content-type' | Should -BeLike 'application/json*'
    }

    It 'emits one typed instance that matches what the service created' {
        $before = [DateTimeOffset]::Now.AddSeconds(-1)
        $instance = Restart-DqcJob -RuleId $q1
        $instance | Should -BeOfType DataArtsQuality.Models.DqcInstance
        $instance.InstanceId | Should -Match '^\d{19}$'
        $instance.RuleId | Should -BeExactly '1440764172232392705'
        $instance.JobId | Should -BeExactly '1440764172232392705'
        $instance.RuleType | Should -Be 'Quality'
        $instance.SubmittedAt | Should -BeGreaterThan $before
        $stored = Get-DqcEmulatorInstance $emulator | Where-Object id -eq $instance.InstanceId
        $stored.task_id | Should -BeExactly '1440764172232392705'
        $stored.task_type | Should -Be 'QUALITY_TASK'
    }

    It 'takes rule IDs from the pipeline by value, in order' {
        $instances = '1440764172232392705', '1283480044387540993' | Restart-DqcJob
        $instances.RuleId | Should -Be @('1440764172232392705', '1283480044387540993')
        # Up to -ThrottleLimit reruns are in flight at once, so the service may see them in either order.
        @((Get-RestartRequest $emulator).body | Sort-Object) | Should -Be @(
            '{"rule_type":1,"rule_id":"1283480044387540993"}'
            '{"rule_type":1,"rule_id":"1440764172232392705"}')
    }

    It 'binds <Shape> by property name' -ForEach @(
        @{ Shape = 'Id and RuleType Comparison'; Make = { param($c) [pscustomobject]@{ Id = $c; RuleType = 'Comparison' } } }
        @{ Shape = 'JobId and RuleType 2'; Make = { param($c) [pscustomobject]@{ JobId = $c; RuleType = 2 } } }
        @{ Shape = 'RuleId and RuleType CONSISTENCY_TASK'; Make = { param($c) [pscustomobject]@{ RuleId = $c; RuleType = 'CONSISTENCY_TASK' } } }
    ) {
        $instance = & $Make $c1 | Restart-DqcJob
        $instance.RuleType | Should -Be 'Comparison'
        $instance.RuleId | Should -BeExactly $c1
        (Get-RestartRequest $emulator).body | Should -BeExactly "{`"rule_type`":2,`"rule_id`":`"$c1`"}"
    }

    It 'accepts -RuleType as a name or as 1 and 2' {
        (Restart-DqcJob $c1 -RuleType Comparison).RuleType | Should -Be 'Comparison'
        (Restart-DqcJob $c1 -RuleType 2).RuleType | Should -Be 'Comparison'
        (Restart-DqcJob $q1 -RuleType 1).RuleType | Should -Be 'Quality'
        @(Get-RestartRequest $emulator).Count | Should -Be 3
    }

    It 'keeps 19-digit IDs exact from JSON through the pipeline to the wire' {
        $jobs = '[{"Id":1497195981236936705,"RuleType":2},{"Id":"1279033542491521025","RuleType":1}]' | ConvertFrom-Json
        $instances = $jobs | Restart-DqcJob
        $instances.RuleId | Should -Be @('1497195981236936705', '1279033542491521025')
        @((Get-RestartRequest $emulator).body | Sort-Object) | Should -Be @(
            '{"rule_type":1,"rule_id":"1279033542491521025"}'
            '{"rule_type":2,"rule_id":"1497195981236936705"}')
        # and from an Int64 literal
        (Restart-DqcJob -RuleId 1440764172232392705).RuleId | Should -BeExactly '1440764172232392705'
    }

    It 'sends nothing with -WhatIf' {
        $countBefore = @(Get-DqcEmulatorInstance $emulator).Count
        $output = '1440764172232392705', '1283480044387540993' | Restart-DqcJob -WhatIf
        $output | Should -BeNullOrEmpty
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
        @(Get-DqcEmulatorInstance $emulator).Count | Should -Be $countBefore
    }

    It 'refuses <Case> for that item only, before any request' -ForEach @(
        @{ Case = 'an empty ID'; Bad = ''; ErrorId = 'DqcIdEmpty'; Pattern = '*empty*' }
        @{ Case = 'a non-numeric ID'; Bad = 'job-42'; ErrorId = 'DqcIdNotNumeric'; Pattern = "*'job-42' is not a valid ID: DQC IDs are whole decimal numbers*" }
        @{ Case = 'an over-long ID'; Bad = '14407641722323927051'; ErrorId = 'DqcIdOutOfRange'; Pattern = '*not a valid ID: IDs are signed 64-bit integers*' }
        @{ Case = 'an ID above Int64'; Bad = '9999999999999999999'; ErrorId = 'DqcIdOutOfRange'; Pattern = '*not a valid ID: IDs are signed 64-bit integers*' }
        @{ Case = 'a negative ID'; Bad = '-5'; ErrorId = 'DqcIdNotPositive'; Pattern = "*'-5' is not a valid ID: IDs are positive*" }
    ) {
        $errors = $null
        $instances = $Bad, $q1 | Restart-DqcJob -ErrorVariable errors -ErrorAction SilentlyContinue
        @($instances).Count | Should -Be 1
        $instances.RuleId | Should -BeExactly $q1
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be "$ErrorId,DataArtsQuality.Commands.RestartDqcJob"
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].TargetObject | Should -Be $Bad
        $errors[0].ToString() | Should -BeLike $Pattern
        @(Get-RestartRequest $emulator).Count | Should -Be 1
    }

    It 'refuses a rule type other than Quality, Comparison, 1 or 2 for that item only' {
        $errors = $null
        $items = [pscustomobject]@{ Id = $q1; RuleType = 3 }, [pscustomobject]@{ Id = $q2; RuleType = 'Nightly' }, [pscustomobject]@{ Id = $c1; RuleType = 'Comparison' }
        $instances = $items | Restart-DqcJob -ErrorVariable errors -ErrorAction SilentlyContinue
        $instances.RuleId | Should -Be @($c1)
        $errors.Count | Should -Be 2
        $errors.FullyQualifiedErrorId | Should -Be @('DqcInvalidRuleType,DataArtsQuality.Commands.RestartDqcJob', 'DqcInvalidRuleType,DataArtsQuality.Commands.RestartDqcJob')
        $errors.CategoryInfo.Category | Should -Be @('InvalidArgument', 'InvalidArgument')
        $errors[0].TargetObject | Should -Be $q1
        $errors[1].ToString() | Should -BeLike "*'Nightly'*Quality (1) or Comparison (2)*"
        @(Get-RestartRequest $emulator).Count | Should -Be 1
    }

    It 'refuses an ID that arrived as a floating-point number above 2^53, and says to pass strings' {
        $errors = $null
        [double]1440764172232392705 | Restart-DqcJob -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcIdLostPrecision,DataArtsQuality.Commands.RestartDqcJob'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].ToString() | Should -BeLike '*floating-point*Pass IDs as strings*'
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'turns a 400 from the service into a non-terminating error with the DQC code, and goes on' {
        $errors = $null
        $instances = '1440764172232392704', $q1 | Restart-DqcJob -ErrorVariable errors -ErrorAction SilentlyContinue
        $instances.RuleId | Should -Be @($q1)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcBadRequest,DataArtsQuality.Commands.RestartDqcJob'
        $errors[0].TargetObject | Should -Be '1440764172232392704'
        $errors[0].ToString() | Should -BeLike '*quality job 1440764172232392704*DQC.4004*does not exist*HTTP 400*'
        $errors[0].Exception | Should -BeOfType DataArtsQuality.Client.DqcApiException
        $errors[0].Exception.ErrorCode | Should -Be 'DQC.4004'
        $errors[0].Exception.StatusCode | Should -Be 'BadRequest'
    }

    It 'reports a quality ID sent as a comparison job as the service does' {
        $errors = $null
        Restart-DqcJob $q1 -RuleType Comparison -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].ToString() | Should -BeLike '*comparison job 1440764172232392705*DQC.4004*'
    }

    It 'stops at the first error with -ErrorAction Stop' {
        { '1440764172232392704', $q1 | Restart-DqcJob -ErrorAction Stop } | Should -Throw -ErrorId 'DqcBadRequest,DataArtsQuality.Commands.RestartDqcJob'
        @(Get-RestartRequest $emulator).Count | Should -Be 1
    }

    It 'reports every rerun in flight as a warning when Select-Object -First stops the pipeline' {
        $warnings = $null
        # The first answer takes 300 ms, so the others are sent before Select-Object has its one object (a fast first
        # answer on a loaded machine let it stop the pipeline before the second was sent, in a clean-clone run).
        Add-DqcEmulatorFault $emulator -Kind Slow -DelayMs 300 -Path '/instances/restart'
        $first = @($q1, $q2, $q1, $q2 | Restart-DqcJob -ThrottleLimit 4 -WarningVariable warnings -WarningAction SilentlyContinue | Select-Object -First 1)
        $first.Count | Should -Be 1
        $sent = @(Get-RestartRequest $emulator).Count
        $sent | Should -BeGreaterThan 1
        # Every rerun the service received is reported once: the object Select-Object took, or a warning.
        $warnings.Count | Should -Be ($sent - 1)
        $warnings | ForEach-Object { "$_" | Should -BeLike '*was also re-run (instance *) before the pipeline stopped.' }
    }

    It 'writes one verbose line per HTTP call without the token' {
        $verbose = Restart-DqcJob $q1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose.Message -match 'POST /v2/\w+/quality/instances/restart -> 200 OK in \d+ ms').Count | Should -Be 1
        ($verbose.Message -join "`n") | Should -Not -Match ([regex]::Escape($emulator.Token))
    }

    It 'keeps the token out of -Debug output too' {
        $all = Restart-DqcJob $q1 -Debug 5>&1 4>&1 | Out-String
        $all | Should -Match 'x-auth-token: <redacted>'
        $all | Should -Not -Match ([regex]::Escape($emulator.Token))
    }
}

Describe 'Restart-DqcJob with a rejected credential' {
    AfterAll { Connect-TestWorkspace $emulator }

    It 'gives an authentication error with the gateway code and request ID' {
        Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token 'wrong-token' -SkipCheck   # as a token that expired after connecting
        $errors = $null
        Restart-DqcJob $q1 -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcAuthenticationFailed,DataArtsQuality.Commands.RestartDqcJob'
        $errors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $errors[0].Exception.ErrorCode | Should -Be 'APIG.0301'
        $errors[0].Exception.RequestId | Should -Match '^[0-9a-f]{32}$'
        $errors[0].ToString() | Should -Not -Match 'wrong-token'
    }

    It 'names an unknown workspace' {
        Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId ('f' * 32) -Token $emulator.Token -SkipCheck
        $errors = $null
        Restart-DqcJob $q1 -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].ToString() | Should -BeLike "*Workspace $('f' * 32) does not exist*"
    }
}
