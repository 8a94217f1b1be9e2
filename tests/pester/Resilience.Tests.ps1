# The fault matrix: every fault the emulator can inject, against Restart-DqcJob end to end. A rerun must never be
# lost silently and never happen twice: each test counts the instances the emulator really created.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--instance-run-ms', '500'
    Connect-TestWorkspace $emulator
    $script:q = @($emulator.QualityJobIds)
    $script:modulePath = Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.psd1'

    function script:Get-InstanceCount { @(Get-DqcEmulatorInstance $emulator).Count }
    function script:Get-RestartCountFor([string] $RuleId) {
        @(Get-RestartRequest $emulator | Where-Object { $_.body -like "*`"$RuleId`"*" }).Count
    }
    # Runs a script in a second runspace of this process (same module state, same connection), waits until
    # $ReadyWhen is true, presses "Ctrl+C" (Stop) and returns how long stopping took.
    function script:Measure-Stop([string] $Script, [scriptblock] $ReadyWhen) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$modulePath'; $Script")
        $async = $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while (-not (& $ReadyWhen) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        Start-Sleep -Milliseconds 200   # be inside the wait, not before it
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $watch.Stop()
        $state = $ps.InvocationStateInfo.State
        $ps.Dispose()
        [pscustomobject]@{ Elapsed = $watch.Elapsed; State = $state }
    }
}

AfterAll {
    Set-DqcConfig -Reset
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Retries that cannot start a job twice' {
    BeforeAll { Set-DqcConfig -RetryIntervalSec 0.05 -MaximumRetryIntervalSec 0.2 -MaximumRetryCount 4 -TimeoutSec 10 }
    BeforeEach {
        Clear-DqcEmulatorFault $emulator
        Clear-DqcEmulatorRequest $emulator
    }

    It 'retries <Case> and starts every job exactly once' -ForEach @(
        @{ Case = '429 without Retry-After'; Fault = @{ Kind = 'Status'; Status = 429 }; Extra = 1; Note = 'retry 1 of 4 in' }
        @{ Case = '429 with Retry-After in seconds'; Fault = @{ Kind = 'Status'; Status = 429; RetryAfter = '1' }; Extra = 1; Note = '(Retry-After)' }
        @{ Case = '429 with Retry-After as an HTTP date'; Fault = @{ Kind = 'Status'; Status = 429; RetryAfter = [DateTime]::UtcNow.AddSeconds(1).ToString('r') }; Extra = 1; Note = '(Retry-After)' }
        @{ Case = 'a 502 HTML page'; Fault = @{ Kind = 'Status'; Status = 502 }; Extra = 1; Note = '502 Bad Gateway' }
        @{ Case = 'two 503 HTML pages in a row'; Fault = @{ Kind = 'Status'; Status = 503; Times = 2 }; Extra = 2; Note = 'retry 2 of 4' }
    ) {
        $before = Get-InstanceCount
        Add-DqcEmulatorFault $emulator @Fault
        $errors = $null
        $out = $q | Restart-DqcJob -ThrottleLimit 1 -ErrorVariable errors -Verbose 4>&1
        $instances = @($out | Where-Object { $_ -is [DataArtsQuality.Models.DqcInstance] })
        $verbose = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $errors.Count | Should -Be 0
        $instances.RuleId | Should -Be $q
        (Get-InstanceCount) - $before | Should -Be $q.Count
        @(Get-RestartRequest $emulator).Count | Should -Be ($q.Count + $Extra)
        ($verbose -join "`n") | Should -BeLike "*$Note*"
        $instances.InstanceId | ForEach-Object { (Get-DqcEmulatorInstance $emulator).id | Should -Contain $_ }
    }

    It 'does not send the rerun again after <Case>, finds its run and reports it as started' -ForEach @(
        @{ Case = 'a connection reset after the service acted'; Fault = @{ Kind = 'Reset'; After = $true }; Lost = 'connection' }
        @{ Case = 'a 200 with malformed JSON'; Fault = @{ Kind = 'Malformed' }; Lost = '' }
        # The emulator resets the connection after half the body: the reset may overtake the status line or not.
        @{ Case = 'a truncated 200 body'; Fault = @{ Kind = 'Truncate' }; Lost = '' }
    ) {
        Set-DqcConfig -LostAnswerLookIntervalSec 0.2
        $before = Get-InstanceCount
        Add-DqcEmulatorFault $emulator @Fault -Path '/instances/restart'
        $errors = $null
        $out = @($q[0], $q[1] | Restart-DqcJob -ThrottleLimit 1 -ErrorVariable errors -WarningVariable warnings -WarningAction SilentlyContinue)
        $errors.Count | Should -Be 0
        $out.RuleId | Should -Be @($q[0], $q[1])
        $created = @(Get-DqcEmulatorInstance $emulator | Where-Object { $_.task_id -eq $q[0] } | Sort-Object start_time)[-1]
        $out[0].InstanceId | Should -Be ([string]$created.id)
        $out[0].StartTime | Should -Not -BeNullOrEmpty
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*answer to the rerun of quality job $($q[0]) was lost*$Lost*its run was found*instance $($created.id)*not sent again*"
        Get-RestartCountFor $q[0] | Should -Be 1
        (Get-InstanceCount) - $before | Should -Be 2
        (Get-DqcRerun | Where-Object InstanceId -eq $out[0].InstanceId).State | Should -Be 'Found'
    }

    It 'does not send the rerun again after <Case>, looks for its run, says it may or may not have started, and goes on' -ForEach @(
        @{ Case = 'a connection reset before the service acted'; Fault = @{ Kind = 'Reset' }; Category = 'ConnectionError' }
        @{ Case = 'an HTTP 500'; Fault = @{ Kind = 'Status'; Status = 500 }; Category = 'ConnectionError' }
        @{ Case = 'an HTTP 504 from the gateway'; Fault = @{ Kind = 'Status'; Status = 504 }; Category = 'ConnectionError' }
    ) {
        Set-DqcConfig -LostAnswerLookIntervalSec 0.2 -LostAnswerLookCount 3
        $before = Get-InstanceCount
        Add-DqcEmulatorFault $emulator @Fault -Path '/instances/restart'
        $errors = $null
        $instances = @($q[0], $q[1] | Restart-DqcJob -ThrottleLimit 1 -ErrorVariable errors -ErrorAction SilentlyContinue)
        $instances.RuleId | Should -Be @($q[1])
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcRerunOutcomeUnknown,DataArtsQuality.Commands.RestartDqcJob'
        $errors[0].CategoryInfo.Category | Should -Be $Category
        $errors[0].TargetObject | Should -Be $q[0]
        $errors[0].ToString() | Should -BeLike "*quality job $($q[0]) may or may not have started*not sent again*Its run was looked for: No run of the job that started after*listing request(s)*"
        $errors[0].ErrorDetails.RecommendedAction | Should -BeLike "*Resolve-DqcRerun*$($q[0])*"
        Get-RestartCountFor $q[0] | Should -Be 1
        # 3 looks, 0.2 s apart, each one listing of the window
        @(Get-DqcEmulatorRequest $emulator | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/quality/instances' }).Count | Should -Be 3
        (Get-InstanceCount) - $before | Should -Be 1
    }

    It 'with the look switched off, a 2xx that cannot be read says the service accepted the rerun' {
        Set-DqcConfig -LostAnswerLookCount 0
        try {
            Add-DqcEmulatorFault $emulator -Kind Malformed -Path '/instances/restart'
            $errors = $null
            $instances = @($q[0], $q[1] | Restart-DqcJob -ThrottleLimit 1 -ErrorVariable errors -ErrorAction SilentlyContinue)
            $instances.RuleId | Should -Be @($q[1])
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'DqcRerunAcceptedIdUnknown,DataArtsQuality.Commands.RestartDqcJob'
            $errors[0].ToString() | Should -BeLike "*accepted the rerun of quality job $($q[0])*instance ID is unknown*"
            $errors[0].ToString() | Should -Not -BeLike '*looked for*'
            @(Get-DqcEmulatorRequest $emulator | Where-Object { $_.method -eq 'GET' }).Count | Should -Be 0
            Get-RestartCountFor $q[0] | Should -Be 1
        }
        finally { Set-DqcConfig -LostAnswerLookCount 3 }
    }

    It 'waits with -Wait for the run found after a lost answer' {
        Set-DqcConfig -LostAnswerLookIntervalSec 0.2
        Add-DqcEmulatorFault $emulator -Kind Reset -After -Path '/instances/restart'
        $errors = $null
        $out = @(Restart-DqcJob $q[0] -Wait -PollIntervalSec 1 -ErrorVariable errors -WarningVariable warnings -WarningAction SilentlyContinue)
        $errors.Count | Should -Be 0
        $out.Count | Should -Be 1
        $out[0].RunStatus | Should -Not -BeIn @('RUNNING', 'WAITING', $null)
        $out[0].InstanceId | Should -BeIn @((Get-DqcEmulatorInstance $emulator).id | ForEach-Object { [string]$_ })
        "$warnings" | Should -BeLike '*its run was found*'
        Get-RestartCountFor $q[0] | Should -Be 1
    }

    It 'looks for many lost answers in shared listings' {
        Set-DqcConfig -LostAnswerLookIntervalSec 0.2
        Add-DqcEmulatorFault $emulator -Kind Reset -After -Path '/instances/restart' -Times $q.Count
        $errors = $null
        $out = @($q | Restart-DqcJob -ThrottleLimit $q.Count -ErrorVariable errors -WarningAction SilentlyContinue)
        $errors.Count | Should -Be 0
        @($out.InstanceId | Select-Object -Unique).Count | Should -Be $q.Count
        @(Get-RestartRequest $emulator).Count | Should -Be $q.Count
        # every lost answer found; the looks are shared, so far fewer listings than one per job and look
        $listings = @(Get-DqcEmulatorRequest $emulator | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/quality/instances' }).Count
        $listings | Should -BeLessOrEqual 3
    }

    It 'times out after TimeoutSec, does not resend the POST, and finds the late rerun on a later look' {
        Set-DqcConfig -TimeoutSec 1 -LostAnswerLookIntervalSec 2
        try {
            $before = Get-InstanceCount
            # The service takes 2.5 s to act on the rerun: the first look (at 1 s) cannot see it, the second (3 s) can.
            Add-DqcEmulatorFault $emulator -Kind Slow -DelayMs 2500 -Path '/instances/restart'
            $errors = $null
            $out = @(Restart-DqcJob $q[0] -ErrorVariable errors -WarningVariable warnings -WarningAction SilentlyContinue)
            $errors.Count | Should -Be 0
            $out.Count | Should -Be 1
            "$warnings" | Should -BeLike '*timed out after 1 s*its run was found*'
            (Get-InstanceCount) - $before | Should -Be 1
            Get-RestartCountFor $q[0] | Should -Be 1
            $out[0].InstanceId | Should -BeIn @((Get-DqcEmulatorInstance $emulator).id | ForEach-Object { [string]$_ })
        }
        finally { Set-DqcConfig -TimeoutSec 10 }
    }

    It 'times out after TimeoutSec with an outcome-unknown error when no look finds the run' {
        Set-DqcConfig -TimeoutSec 1 -LostAnswerLookIntervalSec 0.2 -LostAnswerLookCount 2
        try {
            $before = Get-InstanceCount
            Add-DqcEmulatorFault $emulator -Kind Slow -DelayMs 2500 -Path '/instances/restart'
            $errors = $null
            Restart-DqcJob $q[0] -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'DqcRerunOutcomeUnknown,DataArtsQuality.Commands.RestartDqcJob'
            $errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $errors[0].Exception.TimedOut | Should -BeTrue
            $errors[0].ToString() | Should -BeLike '*timed out after 1 s (TimeoutSec)*Its run was looked for*'
            # the slow service still carries the rerun out, once; Resolve-DqcRerun then finds it
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while ((Get-InstanceCount) -eq $before -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            (Get-InstanceCount) - $before | Should -Be 1
            Get-RestartCountFor $q[0] | Should -Be 1
            $late = @(Get-DqcEmulatorInstance $emulator | Where-Object { $_.task_id -eq $q[0] } | Sort-Object start_time)[-1]
            # Earlier tests left reruns of this job open (not found); looking for all of them, the late run is given
            # to one (the matching goes by send order, so not necessarily this test's).
            $resolved = @(Get-DqcRerun -Open | Where-Object RuleId -eq $q[0] | Resolve-DqcRerun)
            @($resolved | Where-Object State -eq 'Found').InstanceId | Should -Contain ([string]$late.id)
        }
        finally { Set-DqcConfig -TimeoutSec 10 -LostAnswerLookCount 3 }
    }

    It 'gives up after MaximumRetryCount with an error that carries status, attempts and category' {
        Set-DqcConfig -MaximumRetryCount 2
        try {
            $before = Get-InstanceCount
            Add-DqcEmulatorFault $emulator -Kind Status -Status 503 -Times 10
            $errors = $null
            Restart-DqcJob $q[0] -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -Be 'DqcServiceError,DataArtsQuality.Commands.RestartDqcJob'
            $errors[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            $errors[0].TargetObject | Should -Be $q[0]
            $errors[0].Exception | Should -BeOfType DataArtsQuality.Client.DqcApiException
            [int]$errors[0].Exception.StatusCode | Should -Be 503
            $errors[0].Exception.Attempts | Should -Be 3
            $errors[0].ToString() | Should -BeLike '*503 Service Temporarily Unavailable*gave up after 3 attempts*'
            Get-RestartCountFor $q[0] | Should -Be 3
            (Get-InstanceCount) - $before | Should -Be 0
        }
        finally { Set-DqcConfig -MaximumRetryCount 4 }
    }

    It 'reports throttling as LimitsExceeded with the gateway code and request ID' {
        Set-DqcConfig -MaximumRetryCount 0
        try {
            Add-DqcEmulatorFault $emulator -Kind Status -Status 429
            $errors = $null
            Restart-DqcJob $q[0] -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should -Be 'DqcThrottled,DataArtsQuality.Commands.RestartDqcJob'
            $errors[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $errors[0].Exception.ErrorCode | Should -Be 'APIG.0308'
            $errors[0].Exception.RequestId | Should -Match '^[0-9a-f]{32}$'
            $errors[0].ErrorDetails.RecommendedAction | Should -BeLike '*ThrottleLimit*RateLimitCount*'
        }
        finally { Set-DqcConfig -MaximumRetryCount 4 }
    }

    It 'does not wait for a Retry-After longer than MaximumRetryAfterSec' {
        Add-DqcEmulatorFault $emulator -Kind Status -Status 503 -RetryAfter 3600
        $errors = $null
        Restart-DqcJob $q[0] -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].Exception.Attempts | Should -Be 1
        $errors[0].Exception.RetryNote | Should -BeLike '*3600 s (Retry-After)*MaximumRetryAfterSec*'
        Get-RestartCountFor $q[0] | Should -Be 1
    }

    It 'retries a POST whose connection was refused (nothing was sent) and then reports it' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        Set-DqcConfig -MaximumRetryCount 2
        try {
            Connect-DqcWorkspace -Endpoint "http://127.0.0.1:$port" -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token -SkipCheck
            $errors = $null
            $verbose = Restart-DqcJob $q[0] -ErrorVariable errors -ErrorAction SilentlyContinue -Verbose 4>&1
            $errors[0].FullyQualifiedErrorId | Should -Be 'DqcConnectionFailed,DataArtsQuality.Commands.RestartDqcJob'
            $errors[0].Exception.MayHaveReachedServer | Should -BeFalse
            $errors[0].Exception.Attempts | Should -Be 3
            @($verbose.Message -like '*no answer*').Count | Should -Be 3
        }
        finally {
            Set-DqcConfig -MaximumRetryCount 4
            Connect-TestWorkspace $emulator
        }
    }

    It 'keeps every secret out of every stream under -Debug, whatever the fault' {
        Add-DqcEmulatorFault $emulator -Kind Status -Status 429 -RetryAfter 0
        Add-DqcEmulatorFault $emulator -Kind Status -Status 503
        Add-DqcEmulatorFault $emulator -Kind Reset -After
        Add-DqcEmulatorFault $emulator -Kind Malformed
        $all = $q + $q | Restart-DqcJob -ThrottleLimit 1 -Debug -Verbose -ErrorVariable errors -ErrorAction SilentlyContinue *>&1 | Out-String
        $all += ($errors | ForEach-Object { $_.ToString(); $_.Exception.ResponseBody; $_.Exception | Format-List * -Force | Out-String }) -join "`n"
        $all | Should -Match 'x-auth-token: <redacted>'
        $all | Should -Match 'HTTP 503'
        $all | Should -Not -Match ([regex]::Escape($emulator.Token))
    }
}

Describe 'Concurrency: -ThrottleLimit' {
    # No client-side limit: these measure when requests go out, and the tests before them (lost answers' listings
    # among them) can fill the user's 40 per 10 s, which held a request back a second in two full runs.
    BeforeAll { Set-DqcConfig -RetryIntervalSec 0.05 -TimeoutSec 10 -RateLimitCount 0 }
    BeforeEach {
        Clear-DqcEmulatorFault $emulator
        Clear-DqcEmulatorRequest $emulator
    }

    It 'keeps up to N requests in flight and still emits in input order' {
        # The first rerun is slow: with -ThrottleLimit 4 the next three are sent while it is still running.
        Add-DqcEmulatorFault $emulator -Kind Slow -DelayMs 1500
        $ids = $q + $q
        $instances = $ids | Restart-DqcJob -ThrottleLimit 4
        $instances.RuleId | Should -Be $ids
        $requests = @(Get-RestartRequest $emulator)
        $requests.Count | Should -Be $ids.Count
        $gap = ([DateTimeOffset]$requests[3].time - [DateTimeOffset]$requests[0].time).TotalMilliseconds
        $gap | Should -BeLessThan 1000
    }

    It 'sends one at a time with -ThrottleLimit 1' {
        Add-DqcEmulatorFault $emulator -Kind Slow -DelayMs 1000
        $instances = $q[0], $q[1] | Restart-DqcJob -ThrottleLimit 1
        $instances.RuleId | Should -Be @($q[0], $q[1])
        $requests = @(Get-RestartRequest $emulator)
        # The second request starts only after the first one's 1 s answer (the log's clock may round a little).
        ([DateTimeOffset]$requests[1].time - [DateTimeOffset]$requests[0].time).TotalMilliseconds | Should -BeGreaterOrEqual 900
    }

    It 'keeps errors in input order between outputs' {
        $errors = $null
        $out = @($q[0], 'bad-id', '1440764172232392704', $q[1] | Restart-DqcJob -ErrorAction Continue 2>&1)
        $out.Count | Should -Be 4
        $out[0].RuleId | Should -Be $q[0]
        $out[1].FullyQualifiedErrorId | Should -BeLike 'DqcIdNotNumeric,*'
        $out[2].FullyQualifiedErrorId | Should -BeLike 'DqcBadRequest,*'
        $out[3].RuleId | Should -Be $q[1]
    }

    It 'under -ErrorAction Stop sends nothing after the failing item by default' {
        { '1440764172232392704', $q[0], $q[1] | Restart-DqcJob -ErrorAction Stop } | Should -Throw -ErrorId 'DqcBadRequest,DataArtsQuality.Commands.RestartDqcJob'
        @(Get-RestartRequest $emulator).Count | Should -Be 1
    }

    It 'under -ErrorAction Stop with an explicit -ThrottleLimit, warns about the reruns already started' {
        $warnings = $null
        $caught = $null
        # The failing answer comes late, so the second rerun is surely started before it (on loopback the answer can
        # otherwise arrive before the next item is read).
        Add-DqcEmulatorFault $emulator -Kind Slow -DelayMs 500
        try { '1440764172232392704', $q[0] | Restart-DqcJob -ThrottleLimit 4 -ErrorAction Stop -WarningVariable warnings -WarningAction SilentlyContinue }
        catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'DqcBadRequest,DataArtsQuality.Commands.RestartDqcJob'
        @(Get-RestartRequest $emulator).Count | Should -Be 2
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike "*$($q[0]) was also re-run (instance *"
    }

    It 'sends nothing with -WhatIf' {
        $out = $q | Restart-DqcJob -ThrottleLimit 8 -WhatIf
        $out | Should -BeNullOrEmpty
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }
}

Describe 'Client-side rate limit against an enforcing gateway' {
    # A scaled-down 40-per-10-s: the emulator enforces 30 per second per caller (sliding window). The realistic
    # 40/10 s run is the benchmark's job.
    BeforeAll {
        Set-DqcEmulatorRateLimit $emulator -Count 30 -PeriodMs 1000
    }
    AfterAll {
        Set-DqcEmulatorRateLimit $emulator -Off
        Set-DqcConfig -RateLimitCount 40 -RateLimitPeriodSec 10 -MaximumRetryCount 4
    }
    BeforeEach { Clear-DqcEmulatorFault $emulator }

    It 'the emulator limit bites when the client does not limit itself' {
        Set-DqcConfig -RateLimitCount 0 -MaximumRetryCount 0
        Set-DqcEmulatorRateLimit $emulator -Count 30 -PeriodMs 1000
        $errors = $null
        $null = 1..60 | ForEach-Object { $q[$_ % 3] } | Restart-DqcJob -ThrottleLimit 8 -ErrorVariable errors -ErrorAction SilentlyContinue
        (Get-DqcEmulatorRateLimit $emulator).rejected | Should -BeGreaterThan 0
        $errors.FullyQualifiedErrorId | Select-Object -Unique | Should -Be 'DqcThrottled,DataArtsQuality.Commands.RestartDqcJob'
    }

    It 'the limiter keeps 0 throttling answers over 120 requests, none lost, none doubled' {
        Set-DqcConfig -RateLimitCount 30 -RateLimitPeriodSec 1 -MaximumRetryCount 0
        Set-DqcEmulatorRateLimit $emulator -Count 30 -PeriodMs 1000
        $before = Get-InstanceCount
        $errors = $null
        $ids = 1..120 | ForEach-Object { $q[$_ % 3] }
        $instances = @($ids | Restart-DqcJob -ThrottleLimit 8 -ErrorVariable errors -ErrorAction SilentlyContinue)
        $errors.Count | Should -Be 0
        $instances.Count | Should -Be 120
        $instances.RuleId | Should -Be $ids
        $limit = Get-DqcEmulatorRateLimit $emulator
        $limit.rejected | Should -Be 0
        $limit.admitted | Should -Be 120
        (Get-InstanceCount) - $before | Should -Be 120
        @($instances.InstanceId | Select-Object -Unique).Count | Should -Be 120
    }
}

Describe 'Cancellation (Ctrl+C)' {
    BeforeAll { Set-DqcConfig -RetryIntervalSec 0.05 -TimeoutSec 60 -MaximumRetryCount 4 -RateLimitCount 40 -RateLimitPeriodSec 10 }
    BeforeEach {
        Clear-DqcEmulatorFault $emulator
        Clear-DqcEmulatorRequest $emulator
    }
    AfterEach { Set-DqcConfig -RateLimitCount 40 -RateLimitPeriodSec 10 }

    It 'stops <Case> promptly' -ForEach @(
        @{ Case = 'an HTTP call in flight'; Setup = { Add-DqcEmulatorFault $emulator -Kind Slow -DelayMs 30000 }; Requests = 1 }
        @{ Case = 'a Retry-After back-off'; Setup = { Add-DqcEmulatorFault $emulator -Kind Status -Status 503 -RetryAfter 30 }; Requests = 1 }
        @{ Case = 'a wait for the rate limit'; Setup = { Set-DqcConfig -RateLimitCount 1 -RateLimitPeriodSec 60 }; Requests = 1 }
    ) {
        & $Setup
        $result = Measure-Stop -Script "'$($q[0])', '$($q[1])' | Restart-DqcJob -ThrottleLimit 1" -ReadyWhen { @(Get-RestartRequest $emulator).Count -ge $Requests }
        $result.State | Should -Be 'Stopped'
        # The waits above are 30-60 s; stopping must not wait for them (the issue asks for < 1 s; measured ~0.01 s).
        $result.Elapsed.TotalSeconds | Should -BeLessThan 3
    }
}
