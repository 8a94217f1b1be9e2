# Tests Restart-FailedDqcJob.ps1 offline against dqc-emulator (dotnet tool install DataArtsQuality.Emulator).
BeforeAll {
    Import-Module DataArtsQuality
    $script:runbook = Join-Path $PSScriptRoot 'Restart-FailedDqcJob.ps1'

    # Start the emulator with our own jobs; the first line it prints says how to connect.
    $start = [System.Diagnostics.ProcessStartInfo]::new((Get-Command dqc-emulator -CommandType Application)[0].Source)
    foreach ($arg in '--port', '0', '--jobs', (Join-Path $PSScriptRoot 'jobs.json'), '--instance-run-ms', '500') {
        $start.ArgumentList.Add($arg)
    }
    $start.RedirectStandardOutput = $true
    $script:emulator = [System.Diagnostics.Process]::Start($start)
    $script:dqc = $emulator.StandardOutput.ReadLine() | ConvertFrom-Json
    Connect-DqcWorkspace -Endpoint $dqc.Endpoint -ProjectId $dqc.ProjectId -WorkspaceId $dqc.WorkspaceId -Token $dqc.Token

    function Get-Rerun {
        # The reruns the emulator received, with the job each was for (read from the body's text: exact digits).
        Invoke-RestMethod "$($dqc.Endpoint)/_emulator/requests" | ForEach-Object { $_ } |
            Where-Object path -like '*/quality/instances/restart' |
            Select-Object status, @{ n = 'JobId'; e = { [regex]::Match($_.body, '"rule_id"\s*:\s*"?(\d+)').Groups[1].Value } }
    }
    function Add-Fault([hashtable] $Fault) {
        $null = Invoke-RestMethod -Method Post "$($dqc.Endpoint)/_emulator/faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json)
    }
}

AfterAll {
    Disconnect-DqcWorkspace
    $emulator.Kill()
    $emulator.WaitForExit()
}

Describe 'Restart-FailedDqcJob' {
    BeforeEach {
        # Each test starts from the seeded jobs, with an empty request log and no faults queued.
        $null = Invoke-RestMethod -Method Post "$($dqc.Endpoint)/_emulator/reset"
        $null = Invoke-RestMethod -Method Delete "$($dqc.Endpoint)/_emulator/faults"
    }

    It 're-runs each failed job once and reports how the new runs ended' {
        $report = & $runbook -PollIntervalSec 1

        $report | Sort-Object JobId | ForEach-Object { "$($_.JobId) $($_.Status)" } |
            Should -Be '1440764172232392713 SUCCESS', '9007199254740993 FAILED'
        $reruns = @(Get-Rerun)
        $reruns.JobId | Sort-Object | Should -Be '1440764172232392713', '9007199254740993'
        $reruns.status | Should -Be 200, 200
    }

    It 'copes with throttling: the 429 is retried and no job runs twice' {
        Add-Fault @{ kind = 'status'; status = 429; retry_after = '1'; path = 'instances/restart' }

        $report = & $runbook -PollIntervalSec 1

        $report.JobId | Sort-Object | Should -Be '1440764172232392713', '9007199254740993'
        $reruns = @(Get-Rerun)
        @($reruns | Where-Object status -eq 429).Count | Should -Be 1
        ($reruns | Where-Object status -eq 200).JobId | Sort-Object | Should -Be '1440764172232392713', '9007199254740993'
    }

    AfterEach { $null = Invoke-RestMethod -Method Post "$($dqc.Endpoint)/_emulator/configure?instance_run_ms=500" }

    It 'copes with a connection dropped <When> the service acted: each failed job gets one new run' -ForEach @(
        @{ When = 'before'; After = $false; Posts = 3 }
        @{ When = 'after'; After = $true; Posts = 2 }
    ) {
        Add-Fault @{ kind = 'reset'; after = $After; path = 'instances/restart' }

        $report = & $runbook -PollIntervalSec 1

        $report.JobId | Sort-Object | Should -Be '1440764172232392713', '9007199254740993'
        @(Get-Rerun).Count | Should -Be $Posts
        # The seed gave the jobs 2, 1 and 1 past runs: one more each for the two that had failed, none twice.
        Invoke-RestMethod "$($dqc.Endpoint)/_emulator/instances" | ForEach-Object { $_ } | Group-Object task_id |
            Sort-Object Name | ForEach-Object { "$($_.Name) $($_.Count)" } |
            Should -Be '1283480044387540993 1', '1440764172232392713 3', '9007199254740993 2'
    }

    It 'run twice (stopped while it waits, then started again) starts each failed job once' {
        $null = Invoke-RestMethod -Method Post "$($dqc.Endpoint)/_emulator/configure?instance_run_ms=4000"
        # The first run, in a runspace of this session (its connection), stopped as Ctrl+C would stop it.
        $first = [powershell]::Create()
        $null = $first.AddScript("& '$runbook' -PollIntervalSec 1")
        $async = $first.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while (@(Get-Rerun).Count -lt 2 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        Start-Sleep -Milliseconds 300
        $first.Stop()
        $first.Dispose()

        $report = & $runbook -PollIntervalSec 1

        $report | Sort-Object JobId | ForEach-Object { "$($_.JobId) $($_.Status)" } |
            Should -Be '1440764172232392713 SUCCESS', '9007199254740993 FAILED'
        @(Get-Rerun).JobId | Sort-Object | Should -Be '1440764172232392713', '9007199254740993'
    }
}
