# Conditional reruns (restart-safe runbooks): a piped run or job, or -IfNotRunSince, starts the job only if it has not
# run since; -Force starts it regardless. Each test counts the restart requests the emulator received.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $seed = Join-Path ([IO.Path]::GetTempPath()) "dqc-conditional-$PID.json"
    # Sixteen jobs whose last run failed, and one whose last run succeeded after a failure. The record of reruns
    # (Get-DqcRerun) is the process's, so each test re-runs jobs of its own: a rerun an earlier test sent is a newer run.
    $jobs = @(1..16 | ForEach-Object { @{ id = [string](1440764172232390000 + 7 * $_); name = "failing_$_"; outcome = 'SUCCESS'; history = @('SUCCESS', 'FAILED') } })
    $jobs += @{ id = '1440764172232392799'; name = 'recovered'; outcome = 'SUCCESS'; history = @('FAILED', 'SUCCESS') }
    ConvertTo-Json -InputObject $jobs -Depth 4 | Set-Content $seed
    $script:emulator = Start-DqcEmulator -ArgumentList '--jobs', $seed, '--instance-run-ms', '500'
    Connect-TestWorkspace $emulator
    $script:failing = @($jobs[0..15].id)

    function script:Get-RestartCount { @(Get-RestartRequest $emulator).Count }
    function script:Get-ListingCount { @(Get-DqcEmulatorRequest $emulator | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/quality/instances' }).Count }
    function script:Get-LatestFailed {
        Get-DqcInstance -RunStatus FAILED | Group-Object RuleId | ForEach-Object { $_.Group | Sort-Object StartTime -Descending | Select-Object -First 1 }
    }
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Conditional reruns' {
    BeforeEach {
        Reset-DqcEmulator $emulator
        Clear-DqcEmulatorRequest $emulator
    }

    It 'starts each failed job once when the same failed runs are piped twice, and reports the newer run the second time' {
        $failed = @(Get-LatestFailed | Where-Object RuleId -in $failing[0..4])
        $failed.Count | Should -Be 5
        $first = @($failed | Restart-DqcJob)
        $first.Count | Should -Be 5
        Get-RestartCount | Should -Be 5

        $second = @($failed | Restart-DqcJob -WarningVariable warns -WarningAction SilentlyContinue)
        Get-RestartCount | Should -Be 5
        $second.InstanceId | Should -Be $first.InstanceId
        @($warns).Count | Should -Be 5
        "$($warns[0])" | Should -BeLike "*quality job $($failed[0].RuleId) was not re-run: it has run since*instance $($first[0].InstanceId)*-Force*"
    }

    It 'does not start a job whose failed run was followed by a newer one, and emits that run' {
        $old = @(Get-DqcInstance -RunStatus FAILED | Where-Object RuleId -eq '1440764172232392799')
        $old.Count | Should -Be 1
        $out = @($old | Restart-DqcJob -WarningVariable warns -WarningAction SilentlyContinue)
        Get-RestartCount | Should -Be 0
        $out.Count | Should -Be 1
        $out[0].RunStatus | Should -Be 'SUCCESS'
        $out[0].InstanceId | Should -Not -Be $old[0].InstanceId
        "$warns" | Should -BeLike '*was not re-run*SUCCESS*'
    }

    It 'starts it anyway with -Force' {
        $old = @(Get-DqcInstance -RunStatus FAILED | Where-Object RuleId -eq '1440764172232392799')
        $out = @($old | Restart-DqcJob -Force)
        Get-RestartCount | Should -Be 1
        $out[0].InstanceId | Should -Not -BeNullOrEmpty
    }

    It 'starts bare IDs without a condition, and with -IfNotRunSince only when the job has not run since' {
        $null = Restart-DqcJob $failing[6]
        $null = Restart-DqcJob $failing[6]
        Get-RestartCount | Should -Be 2
        $since = (Get-Date).AddMinutes(-1)
        $out = @(Restart-DqcJob $failing[6], $failing[7] -IfNotRunSince $since -WarningVariable warns -WarningAction SilentlyContinue)
        Get-RestartCount | Should -Be 3   # only the job that had not run in the last minute
        @($out).Count | Should -Be 2
        "$warns" | Should -BeLike "*quality job $($failing[6]) was not re-run*"
    }

    It 'waits with -Wait for the newer run that stands for a job not started' {
        $failed = @(Get-LatestFailed | Where-Object RuleId -eq $failing[8])
        $null = $failed[0] | Restart-DqcJob
        $out = @($failed[0] | Restart-DqcJob -Wait -PollIntervalSec 1 -WarningAction SilentlyContinue)
        Get-RestartCount | Should -Be 1
        $out.Count | Should -Be 1
        $out[0].RunStatus | Should -Be 'SUCCESS'
    }

    It 'checks a batch with one shared listing of the instance window' {
        $failed = @(Get-LatestFailed | Where-Object RuleId -in $failing[9..13])
        Clear-DqcEmulatorRequest $emulator
        $null = @($failed | Restart-DqcJob -WarningAction SilentlyContinue)
        Get-ListingCount | Should -Be 1
        Get-RestartCount | Should -Be 5
    }

    It 're-runs a piped job without a condition (Get-DqcJob | Restart-DqcJob asks for runs)' {
        $job = Get-DqcJob | Where-Object Id -eq $failing[14]
        $null = $job | Restart-DqcJob
        $null = $job | Restart-DqcJob
        Get-RestartCount | Should -Be 2
    }

    It 'keeps the table readable at 80 columns for a run that stands for a job not started' {
        $null = Get-LatestFailed | Where-Object RuleId -eq $failing[15] | Restart-DqcJob
        $text = Get-LatestFailed | Where-Object RuleId -eq $failing[15] | Restart-DqcJob -WarningAction SilentlyContinue | Out-String -Width 80
        $text | Should -Match $failing[15]
        ($text -split "`n" | Where-Object { $_.TrimEnd().Length -gt 80 }) | Should -BeNullOrEmpty
    }
}
