# Parallel runbooks: ForEach-Object -Parallel, Start-ThreadJob and runspace pools over one emulator. What users rely on:
# the session's connection is shared with runspaces that have none of their own; a runspace's own Connect/Disconnect/
# Set-DqcConfig/Remove-Module stay in that runspace; named connections are process-wide and outlive their replacement
# while in use; one user's connections share one rate limit; every rerun that reached the service is reported once.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator
    $script:modulePath = Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.psd1'
    $script:q1 = $emulator.QualityJobIds[0]
    $script:wsA = $emulator.WorkspaceId
    $script:wsB = $emulator.SecondWorkspaceId
    $script:jobB = Add-DqcEmulatorJob -Emulator $emulator -Name 'parallel-b' -WorkspaceId $wsB
    # What a child runspace needs to connect on its own (plain strings: they cross runspaces as they are).
    $script:target = @{ Url = $emulator.Url; ProjectId = $emulator.ProjectId; Token = $emulator.Token }
}

AfterAll {
    try { Disconnect-DqcWorkspace -All } catch { }
    try { Set-DqcConfig -Reset } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Parallel runbooks' {
    BeforeEach {
        try { Disconnect-DqcWorkspace -All } catch { }
        Set-DqcConfig -Reset
        Set-DqcEmulatorRateLimit $emulator -Off
        Clear-DqcEmulatorFault $emulator
        $null = Set-DqcEmulatorConfig $emulator -InstanceRunMs 2000
        Connect-TestWorkspace $emulator
        Clear-DqcEmulatorRequest $emulator
    }

    It 'ForEach-Object -Parallel: 8 runspaces without a connection of their own share the session''s' {
        $results = 0..7 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:modulePath
            $errs = $null
            $instances = @(1..3 | ForEach-Object { $using:q1 } | Restart-DqcJob -ErrorAction SilentlyContinue -ErrorVariable errs)
            [pscustomobject]@{ Instances = $instances.Count; Errors = @($errs).Count; Scope = (Get-DqcContext).Scope
                Workspaces = @($instances.WorkspaceId | Sort-Object -Unique) }
        }
        ($results.Instances | Measure-Object -Sum).Sum | Should -Be 24
        ($results.Errors | Measure-Object -Sum).Sum | Should -Be 0
        @($results.Scope | Sort-Object -Unique) | Should -Be @('Session')
        @(Get-RestartRequest $emulator).Count | Should -Be 24
        @((Get-RestartRequest $emulator).headers.workspace | Sort-Object -Unique) | Should -Be @($wsA)
    }

    It 'ForEach-Object -Parallel: each runspace''s own connection to its own workspace, the session''s untouched' {
        $results = 0..7 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:modulePath
            $t = $using:target
            $odd = $_ % 2
            $ws = if ($odd) { $using:wsB } else { $using:wsA }
            $job = if ($odd) { $using:jobB } else { $using:q1 }
            $errs = $null
            try {
                Connect-DqcWorkspace -Endpoint $t.Url -ProjectId $t.ProjectId -WorkspaceId $ws -Token $t.Token
                $instances = @(1..5 | ForEach-Object { $job } | Restart-DqcJob -ThrottleLimit 2 -ErrorAction SilentlyContinue -ErrorVariable errs)
                $context = Get-DqcContext
                [pscustomobject]@{ Instances = $instances.Count; Errors = @($errs).Count; Scope = $context.Scope
                    Mine = $context.WorkspaceId -eq $ws; Failure = $null }
            }
            catch { [pscustomobject]@{ Instances = 0; Errors = 1; Scope = $null; Mine = $false; Failure = "$($_.FullyQualifiedErrorId): $_" } }
            finally { Disconnect-DqcWorkspace -ErrorAction SilentlyContinue }
        }
        @($results.Failure | Where-Object { $_ }) | Should -BeNullOrEmpty
        ($results.Instances | Measure-Object -Sum).Sum | Should -Be 40
        ($results.Errors | Measure-Object -Sum).Sum | Should -Be 0
        @($results.Scope | Sort-Object -Unique) | Should -Be @('Runspace')
        $results.Mine | Should -Not -Contain $false
        # Every request went with the workspace of the runspace that sent it.
        $requests = @(Get-RestartRequest $emulator)
        $requests.Count | Should -Be 40
        foreach ($r in $requests) {
            $expected = if ($r.body -match $jobB) { $wsB } else { $wsA }
            $r.headers.workspace | Should -Be $expected
        }
        # The session's default is still the session's own.
        $context = Get-DqcContext
        $context.WorkspaceId | Should -Be $wsA
        $context.Scope | Should -Be 'Session'
        @(Restart-DqcJob $q1).Count | Should -Be 1
    }

    It '-Connection default is the default connection a runspace sees: the session''s until it chooses a named one' {
        $seen = Start-ThreadJob -ScriptBlock {
            Import-Module $using:modulePath
            $t = $using:target
            $before = (Get-DqcContext -Connection default).WorkspaceId
            Connect-DqcWorkspace -Endpoint $t.Url -ProjectId $t.ProjectId -WorkspaceId $using:wsB -Token $t.Token -Name other -SkipCheck
            try {
                $listed = @(Get-DqcContext -ListAvailable).Name
                $after = try { (Get-DqcContext -Connection default -ErrorAction Stop).WorkspaceId } catch { $_.FullyQualifiedErrorId }
            }
            finally { Disconnect-DqcWorkspace -Name other }
            [pscustomobject]@{ Before = $before; Listed = $listed; After = $after }
        } | Receive-Job -Wait -AutoRemoveJob
        $seen.Before | Should -Be $wsA
        # Having chosen 'other', the runspace no longer falls back to the session's: neither listed nor found by name.
        $seen.Listed | Should -Be @('other')
        $seen.After | Should -BeLike 'DqcConnectionNotFound*'
        (Get-DqcContext -Connection default).WorkspaceId | Should -Be $wsA
    }

    It 'Start-ThreadJob: connect/disconnect churn in 8 thread jobs does not disturb the session''s -Wait' {
        $jobs = 1..8 | ForEach-Object {
            Start-ThreadJob -ThrottleLimit 8 -ScriptBlock {
                Import-Module $using:modulePath
                $t = $using:target
                $failures = @()
                for ($i = 0; $i -lt 5; $i++) {
                    try {
                        Connect-DqcWorkspace -Endpoint $t.Url -ProjectId $t.ProjectId -WorkspaceId $using:wsB -Token $t.Token
                        $null = Restart-DqcJob $using:jobB
                    }
                    catch { $failures += "$($_.FullyQualifiedErrorId): $_" }
                    finally { Disconnect-DqcWorkspace }   # the README's pattern: must only drop this runspace's own
                }
                [pscustomobject]@{ Failures = $failures }
            }
        }
        $werr = $null
        $final = Restart-DqcJob $q1 -Wait -PollIntervalSec 1 -TimeoutSec 120 -ErrorVariable werr
        $results = $jobs | Receive-Job -Wait -AutoRemoveJob
        @($werr) | Should -BeNullOrEmpty
        $final.RunStatus | Should -Not -Be 'RUNNING'
        $final.WorkspaceId | Should -Be $wsA
        @($results.Failures) | Should -BeNullOrEmpty
        (Get-DqcContext).WorkspaceId | Should -Be $wsA
        @(Get-RestartRequest $emulator | Where-Object { $_.body -match $jobB -and $_.headers.workspace -ne $wsB }) | Should -BeNullOrEmpty
    }

    It 'RunspacePool: replacing and removing a named connection while 8 waits run on it breaks none of them' {
        $t = $target
        Connect-DqcWorkspace -Endpoint $t.Url -ProjectId $t.ProjectId -WorkspaceId $wsA -Token $t.Token -Name prod
        $pool = [runspacefactory]::CreateRunspacePool(8, 8)
        $pool.Open()
        try {
            $runs = foreach ($n in 1..8) {
                $ps = [powershell]::Create()
                $ps.RunspacePool = $pool
                $null = $ps.AddScript({
                        param($ModulePath, $JobId)
                        Import-Module $ModulePath
                        Restart-DqcJob $JobId -Connection prod -Wait -PollIntervalSec 1 -TimeoutSec 120
                    }).AddArgument($modulePath).AddArgument($q1)
                [pscustomobject]@{ PS = $ps; Handle = $ps.BeginInvoke() }
            }
            # Replace 'prod' once all 8 reruns were sent (their waits are running), then remove it.
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (@(Get-RestartRequest $emulator).Count -lt 8 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            Connect-DqcWorkspace -Endpoint $t.Url -ProjectId $t.ProjectId -WorkspaceId $wsB -Token $t.Token -Name prod
            Start-Sleep -Milliseconds 500
            Disconnect-DqcWorkspace -Name prod
            foreach ($run in $runs) {
                $out = @($run.PS.EndInvoke($run.Handle))
                $out.Count | Should -Be 1
                $out[0].RunStatus | Should -Not -Be 'RUNNING'
                $out[0].WorkspaceId | Should -Be $wsA
                @($run.PS.Streams.Error) | Should -BeNullOrEmpty
                $run.PS.Dispose()
            }
        }
        finally { $pool.Dispose() }
        { Get-DqcContext -Connection prod -ErrorAction Stop } | Should -Throw -ErrorId 'DqcConnectionNotFound*'
        (Get-DqcContext).WorkspaceId | Should -Be $wsA
    }

    It 'Remove-Module and Set-DqcConfig in a child runspace stay in that runspace' {
        Set-DqcConfig -TimeoutSec 33
        $child = 1 | ForEach-Object -Parallel {
            Import-Module $using:modulePath
            $inherited = Get-DqcConfig
            Set-DqcConfig -TimeoutSec 7
            $own = Get-DqcConfig
            Remove-Module DataArtsQuality
            [pscustomobject]@{ InheritedTimeout = $inherited.TimeoutSec; InheritedScope = $inherited.Scope; OwnTimeout = $own.TimeoutSec; OwnScope = $own.Scope }
        }
        $child.InheritedTimeout | Should -Be 33
        $child.InheritedScope | Should -Be 'Session'
        $child.OwnTimeout | Should -Be 7
        $child.OwnScope | Should -Be 'Runspace'
        $config = Get-DqcConfig
        $config.TimeoutSec | Should -Be 33
        $config.Scope | Should -Be 'Session'
        (Get-DqcContext).WorkspaceId | Should -Be $wsA
        @(Restart-DqcJob $q1).Count | Should -Be 1
    }

    It 'one user''s 8 connections in 8 runspaces keep to 40 per 10 s together, none rejected' {
        $null = Set-DqcEmulatorRateLimit $emulator -Count 40 -PeriodMs 10000
        $results = 0..7 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:modulePath
            $t = $using:target
            Connect-DqcWorkspace -Endpoint $t.Url -ProjectId $t.ProjectId -WorkspaceId $using:wsA -Token $t.Token
            $errs = $null
            $instances = @(1..10 | ForEach-Object { $using:q1 } | Restart-DqcJob -ThrottleLimit 4 -ErrorAction SilentlyContinue -ErrorVariable errs)
            [pscustomobject]@{ Instances = $instances.Count; Errors = @($errs | ForEach-Object FullyQualifiedErrorId) }
        }
        $limit = Get-DqcEmulatorRateLimit $emulator
        $limit.rejected | Should -Be 0
        @($results.Errors) | Should -BeNullOrEmpty
        ($results.Instances | Measure-Object -Sum).Sum | Should -Be 80
    }

    It 'a 2xx rerun answer that cannot be read is reported by the run found, once, with a warning' {
        Add-DqcEmulatorFault $emulator -Kind Malformed -Path '/instances/restart'
        $errs = $null
        $out = @(Restart-DqcJob $q1 -ErrorAction SilentlyContinue -ErrorVariable errs -WarningVariable warns -WarningAction SilentlyContinue)
        @($errs).Count | Should -Be 0
        $out.Count | Should -Be 1
        "$warns" | Should -BeLike '*was lost*its run was found*not sent again*'
        $run = @(Get-DqcEmulatorInstance $emulator | Where-Object { [string]$_.id -eq $out[0].InstanceId })
        $run.Count | Should -Be 1
        [string]$run[0].task_id | Should -Be ([string]$q1)
    }
}

Describe 'Parallel runbooks: every rerun reported exactly once' {
    BeforeAll {
        try { Disconnect-DqcWorkspace -All } catch { }
        Set-DqcEmulatorRateLimit $emulator -Off
        Clear-DqcEmulatorFault $emulator
        Connect-TestWorkspace $emulator
        # No client-side limit and no retries: every restart request the emulator logs is one rerun to report.
        Set-DqcConfig -RateLimitCount 0 -MaximumRetryCount 0
        # Four pipelines run at once (more load, so the window races show), each with its own job and its own unknown
        # ID, so the emulator's log tells their requests apart.
        $script:lanes = foreach ($n in 1..4) {
            @{ Job = Add-DqcEmulatorJob -Emulator $emulator -Name "stress-$n"; Unknown = "199999999999999999$n" }
        }
        $script:rng = [Random]::new(11)
    }
    AfterAll { Set-DqcConfig -Reset }

    It '4 x 1,000 IDs at once, -ThrottleLimit <Throttle>, -ErrorAction <Action>, <Rounds> round(s)' -ForEach @(
        foreach ($throttle in 1, 2, 8, 16, 32, 64) {
            @{ Throttle = $throttle; Action = 'Continue'; Rounds = 1 }
            @{ Throttle = $throttle; Action = 'Stop'; Rounds = 3 }
        }
    ) {
        for ($round = 0; $round -lt $Rounds; $round++) {
            Clear-DqcEmulatorFault $emulator
            Clear-DqcEmulatorRequest $emulator
            # Connections that break after the service acted (the rerun ran; its outcome is unknown to the client).
            Add-DqcEmulatorFault $emulator -Kind Reset -After -Path '/instances/restart' -Times 6
            $work = foreach ($lane in $lanes) {
                $ids = [string[]]::new(1000)
                for ($i = 0; $i -lt $ids.Length; $i++) { $ids[$i] = $lane.Job }
                # The service's own errors (DQC.4004) at random places; under Stop the first ends the pipeline.
                $first = if ($Action -eq 'Stop') { $rng.Next(50, 600) } else { 10 }
                foreach ($p in @($first) + @(1..9 | ForEach-Object { $rng.Next($first, 1000) })) { $ids[$p] = $lane.Unknown }
                @{ Ids = $ids; Job = $lane.Job; Unknown = $lane.Unknown }
            }
            $results = $work | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:modulePath
                $objects = [System.Collections.Generic.List[object]]::new()
                $errs = $null; $warns = $null; $thrown = $null
                try {
                    $_.Ids | Restart-DqcJob -ThrottleLimit $using:Throttle -ErrorAction $using:Action -ErrorVariable errs -WarningVariable warns -WarningAction SilentlyContinue 2>$null |
                        ForEach-Object { $objects.Add($_) }
                }
                catch { $thrown = $_ }
                # A lost answer whose run was found is an object plus a warning that says so: one report, not two.
                $found = @($warns | Where-Object { "$_" -like '*its run was found*' }).Count
                [pscustomobject]@{
                    Job = $_.Job; Unknown = $_.Unknown; Objects = $objects.Count; Errors = @($errs).Count; Warnings = @($warns).Count - $found
                    Found = $found; Distinct = @($objects.InstanceId | Select-Object -Unique).Count
                    Thrown = if ($thrown) { "$($thrown.FullyQualifiedErrorId) ($($thrown.Exception.GetType().FullName)): $thrown" } else { $null }
                }
            }
            $requests = @(Get-RestartRequest $emulator)
            foreach ($r in $results) {
                if ($Action -eq 'Stop') {
                    $r.Thrown | Should -Match '^Dqc' -Because 'only a rerun''s own error may stop the pipeline under -ErrorAction Stop'
                }
                else {
                    $r.Thrown | Should -BeNullOrEmpty
                }
                $sent = @($requests | Where-Object { $_.body -match "`"($($r.Job)|$($r.Unknown))`"" }).Count
                $reported = $r.Objects + $r.Errors + $r.Warnings
                $reported | Should -Be $sent -Because "round $round sent $sent reruns: $($r.Objects) objects ($($r.Found) found after a lost answer), $($r.Errors) errors, $($r.Warnings) warnings"
                # a run found for a lost answer is never one another rerun reported
                $r.Distinct | Should -Be $r.Objects
            }
        }
    }
}
