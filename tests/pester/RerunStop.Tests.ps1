# Issue 19: a stopped Restart-DqcJob (PowerShell.Stop(), Stop-Job) names every rerun it sent, on record
# (Get-DqcRerun) and resolvable (Resolve-DqcRerun); nothing is sent after the stop.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '12', '--instance-run-ms', '60000'
    Connect-DqcWorkspace -Name stoptest -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token
    $script:ids = @(Get-DqcJob -Connection stoptest -First 8 | ForEach-Object { [string]$_.Id })
    $script:modulePath = Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.psd1'

    # Starts $Script in a new runspace of this process (the module and its connections are shared) and returns the
    # PowerShell object once the emulator has seen $Requests restart requests.
    function Start-Stoppable {
        param([string] $Script, [int] $Requests)
        $ps = [powershell]::Create()
        $null = $ps.AddScript("param(`$ids) Import-Module '$modulePath'; $Script").AddParameter('ids', $ids)
        $ps | Add-Member -NotePropertyName Handle -NotePropertyValue $ps.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while (@(Get-RestartRequest $emulator).Count -lt $Requests -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $ps
    }

    function Get-RerunSince([DateTimeOffset] $Since) { @(Get-DqcRerun | Where-Object SentAt -ge $Since) }
}

AfterAll {
    try { Disconnect-DqcWorkspace -Name stoptest } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'A stopped Restart-DqcJob' {
    BeforeEach {
        Clear-DqcEmulatorFault $emulator
        Clear-DqcEmulatorRequest $emulator
        Set-DqcConfig -StopGraceSec 2
        $script:since = [DateTimeOffset]::Now
    }
    AfterEach { Set-DqcConfig -StopGraceSec 2 }

    It 'with 8 reruns in flight past the grace: all 8 on record, in doubt, reported by the stop, and resolvable' {
        Add-DqcEmulatorFault $emulator -Kind Slow -DelayMs 4000 -Path '/instances/restart' -Times 8
        $ps = Start-Stoppable '$ids | Restart-DqcJob -Connection stoptest -ThrottleLimit 8' -Requests 8
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 3.5   # the grace (2 s) and no more than a moment
        $ps.Dispose()

        @(Get-RestartRequest $emulator).Count | Should -Be 8
        $record = Get-RerunSince $since
        $record.Count | Should -Be 8
        ($record.RuleId | Sort-Object) | Should -Be ($ids | Sort-Object)
        $record.State | Sort-Object -Unique | Should -Be 'InDoubt'
        $record.ReportedAs | Sort-Object -Unique | Should -Be 'StopReport'

        Start-Sleep -Seconds 3   # the emulator finishes the requests the client left
        $resolved = @($record | Resolve-DqcRerun -Connection stoptest)
        $resolved.Count | Should -Be 8
        $resolved.State | Sort-Object -Unique | Should -Be 'Found'
        $started = @(Get-DqcEmulatorInstance $emulator | Where-Object { $ids -contains [string]$_.task_id -and [string]$_.id -in $resolved.InstanceId })
        $started.Count | Should -Be 8
        @(Get-RestartRequest $emulator).Count | Should -Be 8   # resolving sent nothing
    }

    It 'with a grace long enough: the 8 in flight are on record with their instance IDs' {
        Set-DqcConfig -StopGraceSec 6
        Add-DqcEmulatorFault $emulator -Kind Slow -DelayMs 1500 -Path '/instances/restart' -Times 8
        $ps = Start-Stoppable '$ids | Restart-DqcJob -Connection stoptest -ThrottleLimit 8' -Requests 8
        $ps.Stop()
        $ps.Dispose()
        $record = Get-RerunSince $since
        $record.Count | Should -Be 8
        $record.State | Sort-Object -Unique | Should -Be 'Started'
        $record.InstanceId | Should -Match '^\d{19}$'
        $record.ReportedAs | Sort-Object -Unique | Should -Be 'StopReport'
    }

    It 'during -Wait: the submitted reruns are on record with their instance IDs, reported by the stop' {
        $ps = Start-Stoppable '$ids | Restart-DqcJob -Connection stoptest -Wait -PollIntervalSec 1' -Requests 8
        Start-Sleep -Milliseconds 500
        $ps.Stop()
        $ps.Dispose()
        $record = Get-RerunSince $since
        $record.Count | Should -Be 8
        $record.State | Sort-Object -Unique | Should -Be 'Started'
        $record.ReportedAs | Sort-Object -Unique | Should -Be 'StopReport'
        @(Get-RestartRequest $emulator).Count | Should -Be 8
    }

    It 'in a thread job stopped by Stop-Job: the stop report reaches the job and names every rerun' {
        Add-DqcEmulatorFault $emulator -Kind Slow -DelayMs 4000 -Path '/instances/restart' -Times 8
        $job = Start-ThreadJob -ArgumentList $modulePath, $ids -ScriptBlock {
            param($modulePath, $ids)
            Import-Module $modulePath
            $ids | Restart-DqcJob -Connection stoptest -ThrottleLimit 8
        }
        # Ready when this case's 8 reruns are on record (the thread job shares the process's record): the emulator's
        # log is no sign, as the slow requests of the cases before it are logged when they end, after the clear (a
        # clean-clone run stopped the job before it had sent anything that way).
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while ((Get-RerunSince $since).Count -lt 8 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        Start-Sleep -Milliseconds 200   # on the wire, not only on record
        Stop-Job $job
        # The job's host lines may arrive after Stop-Job returns: read them until they are there, for at most 10 s.
        $text = ''
        $deadline = [DateTime]::UtcNow.AddSeconds(10)
        do {
            Start-Sleep -Milliseconds 200
            $text = (@($job.Warning) + @($job.Information) + @($job.Output)) -join "`n"
        } while ($text -notmatch 'Get-DqcRerun lists' -and [DateTime]::UtcNow -lt $deadline)
        Remove-Job $job -Force
        foreach ($id in $ids) { $text | Should -Match "quality job ${id}: sent, outcome unknown" }
        (Get-RerunSince $since).Count | Should -Be 8
    }

    It 'sends nothing after the stop: reruns waiting for the rate limit are not sent and not on record' {
        # The limiter already holds this user's requests of the cases before: a slow pace lets few through, if any.
        Set-DqcConfig -RateLimitCount 1 -RateLimitPeriodSec 5
        try {
            $ps = Start-Stoppable '$ids | Restart-DqcJob -Connection stoptest -ThrottleLimit 8' -Requests 0
            Start-Sleep -Milliseconds 1500
            $ps.Stop()
            $ps.Dispose()
            $sent = @(Get-RestartRequest $emulator).Count
            Start-Sleep -Seconds 6   # a pace slot comes free: a rerun still waiting would be sent now
        }
        finally { Set-DqcConfig -RateLimitCount 40 -RateLimitPeriodSec 10 }
        $sent | Should -BeLessThan 8
        @(Get-RestartRequest $emulator).Count | Should -Be $sent
        (Get-RerunSince $since).Count | Should -Be $sent
    }
}

Describe 'Stops at random moments' {
    BeforeAll {
        Clear-DqcEmulatorFault $emulator
        Set-DqcConfig -RateLimitCount 0 -StopGraceSec 0.5
        $script:thousand = @(1..1000 | ForEach-Object { $ids[$_ % $ids.Count] })
    }
    AfterAll { Set-DqcConfig -RateLimitCount 40 -RateLimitPeriodSec 10 -StopGraceSec 2 }

    It 'round <Round>: the reruns the emulator counted = the reruns the user was told of, all on record' -ForEach @(
        1..5 | ForEach-Object { @{ Round = $_ } }
    ) {
        Clear-DqcEmulatorRequest $emulator
        # Every fifth rerun answers slowly, so stops find some on the wire.
        Add-DqcEmulatorFault $emulator -Kind Slow -DelayMs 700 -Path '/instances/restart' -Times 200
        $since = [DateTimeOffset]::Now
        $ps = [powershell]::Create()
        $null = $ps.AddScript("param(`$ids) Import-Module '$modulePath'; `$ids | Restart-DqcJob -Connection stoptest -ThrottleLimit 16").AddParameter('ids', $thousand)
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $handle = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        Start-Sleep -Milliseconds (Get-Random -Minimum 200 -Maximum 1500)
        $ps.Stop()
        $told = $output.Count + $ps.Streams.Error.Count + $ps.Streams.Warning.Count
        $ps.Dispose()
        Clear-DqcEmulatorFault $emulator
        Start-Sleep -Milliseconds 900   # requests the client left finish on the emulator

        $counted = @(Get-RestartRequest $emulator).Count
        $record = @(Get-DqcRerun | Where-Object SentAt -ge $since)
        $stopReported = @($record | Where-Object ReportedAs -eq StopReport).Count
        $counted | Should -BeGreaterThan 0
        $record.Count | Should -Be $counted
        @($record | Where-Object ReportedAs -eq NotYet).Count | Should -Be 0
        ($told + $stopReported) | Should -BeGreaterOrEqual $counted
    }
}
