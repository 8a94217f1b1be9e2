# Tab completion through TabExpansion2, as a user's Tab runs it: job IDs and names from the emulator (cached per
# connection, within a time budget, never logging in), regions, and the fixed value sets.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator
    $script:auth = $emulator.Auth
    # Names a user could really have: spaces, a quote. Added before any connection so every catalog sees them.
    $script:spaced = Add-DqcEmulatorJob $emulator -Name 'Nightly orders check'
    $script:quoted = Add-DqcEmulatorJob $emulator -Name "O'Brien's ledger check"
    $script:spacedComparison = Add-DqcEmulatorJob $emulator -Name 'Nightly orders reconcile' -Kind Comparison

    # What TabExpansion2 offers with the cursor at the end of the line.
    function script:Complete([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
    }
    # API requests (not /_emulator) the emulator received since the log was last cleared.
    function script:Get-ApiRequest { @(Get-DqcEmulatorRequest $emulator | Where-Object { $_.path -notlike '/_emulator*' }) }
    function script:Connect-Fresh([string] $Name = 'default', [string] $WorkspaceId = $emulator.WorkspaceId) {
        Connect-DqcWorkspace -Name $Name -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $WorkspaceId -Token $emulator.Token
    }
}

AfterAll {
    try { Disconnect-DqcWorkspace -All } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Job ID completion' {
    BeforeAll {
        Connect-Fresh
        $script:quality = @(Get-DqcJob)
        $script:comparison = @(Get-DqcComparisonJob)
        Disconnect-DqcWorkspace -All
    }
    BeforeEach { Connect-Fresh; Clear-DqcEmulatorRequest $emulator }
    AfterEach { Disconnect-DqcWorkspace -All }

    It 'completes quality job IDs by prefix for Restart-DqcJob -RuleId, with the job name as the tooltip' {
        $found = Complete 'Restart-DqcJob -RuleId 1440'
        $expected = @($quality | Where-Object Id -like '1440*')
        $expected.Count | Should -BeGreaterThan 0
        @($found.CompletionText) | Sort-Object | Should -Be @($expected.Id | Sort-Object)
        foreach ($m in $found) {
            $m.ResultType | Should -Be 'ParameterValue'
            $m.ToolTip | Should -Be "$(($quality | Where-Object Id -eq $m.CompletionText).Name) (quality job)"
        }
    }

    It 'answers the second Tab from the cache without a request' {
        $first = Complete 'Restart-DqcJob -RuleId 1'
        $listed = Get-ApiRequest
        $listed.Count | Should -BeGreaterThan 0
        $listed | ForEach-Object { $_.path | Should -BeLike '*/quality/quality-tasks' }
        Clear-DqcEmulatorRequest $emulator
        $second = Complete 'Restart-DqcJob -Id 12'
        Get-ApiRequest | Should -BeNullOrEmpty
        @($second.CompletionText) | Should -Be @($first.CompletionText | Where-Object { $_ -like '12*' })
        $second.Count | Should -BeGreaterThan 0
    }

    It 'lists all quality job IDs for an empty word, in numeric order' {
        $found = Complete 'Restart-DqcJob -RuleId '
        $found.Count | Should -Be $quality.Count
        @($found.CompletionText) | Should -Be @($quality.Id | Sort-Object { $_.Length }, { $_ })
    }

    It 'follows -RuleType: comparison IDs for Comparison, nothing for a value that is not a rule type' {
        $found = Complete 'Restart-DqcJob -RuleType Comparison -RuleId 1'
        @($found.CompletionText) | Sort-Object | Should -Be @($comparison.Id | Where-Object { $_ -like '1*' } | Sort-Object)
        Complete 'Restart-DqcJob -RuleType Bogus -RuleId 1' | Should -BeNullOrEmpty
        Get-ApiRequest | ForEach-Object { $_.path | Should -BeLike '*/quality/consistency-tasks' }
    }

    It 'completes comparison IDs for Get-DqcComparisonJob -Id and quality IDs for Get-DqcJob -Id' {
        @((Complete 'Get-DqcComparisonJob -Id 1').CompletionText) | Sort-Object |
            Should -Be @($comparison.Id | Where-Object { $_ -like '1*' } | Sort-Object)
        @((Complete 'Get-DqcJob -JobId 1').CompletionText) | Sort-Object |
            Should -Be @($quality.Id | Where-Object { $_ -like '1*' } | Sort-Object)
    }

    It 'completes both kinds for Get-DqcInstance -JobId, and one kind with -JobType or its alias -RuleType' {
        $both = @($quality.Id) + @($comparison.Id) | Where-Object { $_ -like '1*' } | Sort-Object
        @((Complete 'Get-DqcInstance -JobId 1').CompletionText) | Sort-Object | Should -Be $both
        @((Complete 'Get-DqcInstance -JobType Quality -JobId 1').CompletionText) | Sort-Object |
            Should -Be @($quality.Id | Where-Object { $_ -like '1*' } | Sort-Object)
        @((Complete 'Get-DqcInstance -RuleType Comparison -JobId 1').CompletionText) | Sort-Object |
            Should -Be @($comparison.Id | Where-Object { $_ -like '1*' } | Sort-Object)
    }

    It 'turns a job name typed in the ID slot into its ID (case-insensitive prefix)' {
        $found = Complete 'Restart-DqcJob -RuleId nightly'
        @($found.CompletionText) | Should -Be @($spaced)
        $found[0].ToolTip | Should -Be 'Nightly orders check (quality job)'
        @((Complete 'Restart-DqcJob -RuleType Comparison -RuleId NIGHTLY').CompletionText) | Should -Be @($spacedComparison)
    }

    It 'uses the -Connection typed on the command line: its workspace and its own cache' {
        Connect-Fresh -Name second -WorkspaceId $emulator.SecondWorkspaceId
        $secondIds = @(Get-DqcJob -Connection second).Id
        Connect-Fresh   # the default is the first workspace again
        Clear-DqcEmulatorRequest $emulator
        $found = Complete 'Restart-DqcJob -Connection second -RuleId '
        @($found.CompletionText) | Sort-Object | Should -Be @($secondIds | Sort-Object)
        $listed = Get-ApiRequest
        $listed.Count | Should -BeGreaterThan 0
        $listed | ForEach-Object { $_.headers.workspace | Should -Be $emulator.SecondWorkspaceId }
        # The default connection was not asked, and asking it now is a separate listing.
        $default = Complete 'Restart-DqcJob -RuleId '
        $default.Count | Should -Be $quality.Count
        @(Get-ApiRequest | Where-Object { $_.headers.workspace -eq $emulator.WorkspaceId }).Count | Should -BeGreaterThan 0
    }

    It 'honours -Connection given as a context object in a variable' {
        $ctx = Connect-DqcWorkspace -Name other -Endpoint $emulator.Url -ProjectId $emulator.ProjectId `
            -WorkspaceId $emulator.SecondWorkspaceId -Token $emulator.Token -PassThru
        Connect-Fresh
        $secondIds = @(Get-DqcJob -Connection $ctx).Id
        $global:CompletionTestContext = $ctx
        try {
            @((Complete 'Restart-DqcJob -Connection $global:CompletionTestContext -RuleId ').CompletionText) | Sort-Object |
                Should -Be @($secondIds | Sort-Object)
        }
        finally { Remove-Variable -Name CompletionTestContext -Scope Global }
    }

    It 'completes nothing for a -Connection name that does not exist' {
        Complete 'Restart-DqcJob -Connection nosuch -RuleId 1' | Should -BeNullOrEmpty
        Get-ApiRequest | Should -BeNullOrEmpty
    }
}

Describe 'Job name completion' {
    BeforeEach { Connect-Fresh; Clear-DqcEmulatorRequest $emulator }
    AfterEach { Disconnect-DqcWorkspace -All }

    It 'completes quality job names by case-insensitive prefix for Get-DqcJob -Name' {
        $names = @(Get-DqcJob).Name | Where-Object { $_ -like 'dq_orders_n*' } | Sort-Object
        $names.Count | Should -BeGreaterThan 0
        $found = Complete 'Get-DqcJob -Name DQ_ORDERS_N'
        @($found.CompletionText) | Should -Be $names
        $found[0].ToolTip | Should -BeLike "$($names[0]): quality job *"
    }

    It 'matches a wildcard pattern' {
        $names = @(Get-DqcComparisonJob).Name | Where-Object { $_ -like '*ledger*fresh*' } | Sort-Object
        $names.Count | Should -BeGreaterThan 0
        @((Complete 'Get-DqcComparisonJob *ledger*fresh').CompletionText) | Should -Be $names
    }

    It 'quotes names with spaces and quotes, and the completed line finds the job' {
        $found = Complete 'Get-DqcJob -Name Nightly'
        @($found.CompletionText) | Should -Be @("'Nightly orders check'")
        $found[0].ListItemText | Should -Be 'Nightly orders check'
        @((Complete 'Get-DqcJob -Name o').CompletionText) | Should -Be @("'O''Brien''s ledger check'")
        @((Complete "Get-DqcJob -Name `"Nig").CompletionText) | Should -Be @('"Nightly orders check"')
        $job = Invoke-Expression "Get-DqcJob -Name $($found[0].CompletionText)"
        $job.Id | Should -Be $spaced
    }

    It 'completes names of both kinds for Get-DqcInstance -Name' {
        @((Complete 'Get-DqcInstance -Name nightly').CompletionText) |
            Should -Be @("'Nightly orders check'", "'Nightly orders reconcile'")
        @((Complete 'Get-DqcInstance -JobType Comparison -Name nightly').CompletionText) | Should -Be @("'Nightly orders reconcile'")
    }
}

Describe 'Completion after a delete' {
    BeforeEach { Connect-Fresh }
    AfterEach { Disconnect-DqcWorkspace -All }

    It 'does not offer a job that Remove-DqcJob just deleted (no 60 s wait for the cache)' {
        $doomed = Add-DqcEmulatorJob $emulator -Name 'Doomed temporary check'
        @((Complete 'Get-DqcJob -Name Doomed').CompletionText) | Should -Be @("'Doomed temporary check'")
        Remove-DqcJob -Id $doomed -Force
        @(Complete 'Get-DqcJob -Name Doomed') | Should -BeNullOrEmpty
        @(Complete "Restart-DqcJob -RuleId $doomed") | Should -BeNullOrEmpty
    }
}

Describe 'Completion that must not hang, fail or log in' {
    AfterEach { Clear-DqcEmulatorFault $emulator; Disconnect-DqcWorkspace -All }

    It 'completes nothing, prints nothing and records no error when not connected' {
        Disconnect-DqcWorkspace -All
        Clear-DqcEmulatorRequest $emulator
        $Error.Clear()
        $everything = @(& { Complete 'Restart-DqcJob -RuleId 1440'; Complete 'Get-DqcJob -Name dq' } *>&1)
        $everything | Should -BeNullOrEmpty
        $Error.Count | Should -Be 0
        Get-ApiRequest | Should -BeNullOrEmpty
    }

    It 'gives up within the time budget when the service is slow, without an error' {
        Connect-Fresh
        Add-DqcEmulatorFault $emulator -Kind Slow -DelayMs 15000 -Path 'quality-tasks'
        $Error.Clear()
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $everything = @(& { Complete 'Restart-DqcJob -RuleId 1440' } *>&1)
        $watch.Stop()
        $everything | Should -BeNullOrEmpty
        $Error.Count | Should -Be 0
        # It returned while the listing it started was still held by the emulator: it did not wait for the answer.
        $watch.Elapsed.TotalMilliseconds | Should -BeLessThan 15000
        (Get-DqcEmulatorFault $emulator).applied | Should -BeGreaterThan 0
    }

    It 'does not renew an expired password login from a completer' {
        Connect-DqcWorkspace -Endpoint $emulator.Url -IamEndpoint $emulator.Url -ProjectId $emulator.ProjectId `
            -WorkspaceId $emulator.WorkspaceId -DomainName $auth.domain_name `
            -Credential ([pscredential]::new($auth.user_name, (ConvertTo-SecureString $auth.password -AsPlainText -Force)))
        Invoke-DqcEmulatorTokenExpiry $emulator
        Clear-DqcEmulatorRequest $emulator
        $issued = (Get-DqcEmulatorAuth $emulator).tokens_issued
        Complete 'Restart-DqcJob -RuleId 1440' | Should -BeNullOrEmpty
        $log = @(Get-DqcEmulatorRequest $emulator)
        $log.Count | Should -Be 1
        $log[0].status | Should -Be 401
        (Get-DqcEmulatorAuth $emulator).tokens_issued | Should -Be $issued
    }
}

Describe 'Region and fixed-value completion' {
    It 'completes regions by prefix first, then by any part' {
        @((Complete 'Connect-DqcWorkspace -Region ap-s').CompletionText) |
            Should -Be @('ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4')
        $south = @((Complete 'Connect-DqcWorkspace -Region south').CompletionText)
        $south | Should -Contain 'cn-south-1'
        $south | Should -Contain 'ap-southeast-1'
        @((Complete 'Connect-DqcWorkspace -Region CN-NORTH-4').CompletionText) | Should -Be @('cn-north-4')
    }

    It 'offers the fixed values of <Line>' -ForEach @(
        @{ Line = 'Get-DqcInstance -RunStatus '; Values = 'ALARMING', 'FAILED', 'RUNNING', 'SUCCESS', 'SUSPENDING', 'UNKNOWN' }
        @{ Line = 'Get-DqcInstance -NotifyStatus '; Values = 'FAILED', 'NOT_TRIGGERED', 'SUCCESS' }
        @{ Line = 'Get-DqcInstance -JobType '; Values = 'Comparison', 'Quality' }
        @{ Line = 'Get-DqcJob -ScheduleStatus '; Values = 'FINISH_SUCCESS', 'KILL', 'NOT_START', 'RUNNING_EXCEPTION', 'SCHEDULING', 'UNKNOWN' }
        @{ Line = 'Get-DqcComparisonJob -ScheduleStatus '; Values = 'FINISH_SUCCESS', 'KILL', 'NOT_START', 'RUNNING_EXCEPTION', 'SCHEDULING', 'UNKNOWN' }
        @{ Line = 'Restart-DqcJob -RuleType '; Values = 'Comparison', 'Quality' }
    ) {
        @((Complete $Line).CompletionText) | Sort-Object | Should -Be $Values
    }

    It 'keeps Restart-DqcJob -RuleType a string (a bad value is a per-item error) and completes it by prefix' {
        (Get-Command Restart-DqcJob).Parameters['RuleType'].ParameterType | Should -Be ([string])
        @((Complete 'Restart-DqcJob 1 -RuleType c').CompletionText) | Should -Be @('Comparison')
    }
}

Describe 'Instance ID completion' {
    BeforeAll {
        Connect-Fresh
        $script:runs = @(Restart-DqcJob $emulator.QualityJobIds[0], $emulator.QualityJobIds[1] -Wait -PollIntervalSec 1)
        Disconnect-DqcWorkspace -All
    }
    BeforeEach { Connect-Fresh; Clear-DqcEmulatorRequest $emulator }
    AfterEach { Disconnect-DqcWorkspace -All }

    It 'completes recent instance IDs for <Command> with the name and status as the tooltip' -ForEach @(
        @{ Command = 'Wait-DqcInstance' }, @{ Command = 'Get-DqcInstanceResult' }, @{ Command = 'Stop-DqcInstance' },
        @{ Command = 'Add-DqcInstanceRecord' }, @{ Command = 'Get-DqcInstance' }
    ) {
        $run = $runs[0]
        $prefix = $run.InstanceId.Substring(0, 17)
        $found = @(Complete "$Command -InstanceId $prefix")
        $found.CompletionText | Should -Contain $run.InstanceId
        $match = $found | Where-Object CompletionText -eq $run.InstanceId
        $match.ToolTip | Should -BeLike "$($run.Name): $($run.RunStatus) *"
        $listed = @(Get-ApiRequest)
        $listed.Count | Should -Be 1
        $listed[0].path | Should -BeLike '*/quality/instances'
    }

    It 'remembers the instances like the jobs (one listing for several Tabs) and matches names too' {
        $null = Complete 'Wait-DqcInstance -InstanceId 1'
        $byName = @(Complete "Stop-DqcInstance -InstanceId $($runs[1].Name)")
        $byName.CompletionText | Should -Contain $runs[1].InstanceId
        @(Get-ApiRequest).Count | Should -Be 1
    }
}

Describe 'Every parameter that takes a region, an ID of a job, a job name or a fixed set has a completer' {
    BeforeDiscovery {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:parameters = foreach ($command in Get-Command -Module DataArtsQuality -CommandType Cmdlet) {
            foreach ($p in $command.Parameters.Values) {
                @{ Command = $command.Name; Parameter = $p.Name; Metadata = $p }
            }
        }
    }

    It '<Command> -<Parameter> completes regions' -ForEach @($parameters | Where-Object Parameter -eq 'Region') {
        @($Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }).Type.Name |
            Should -Be 'RegionCompleter'
    }

    It '<Command> -<Parameter> completes job IDs' -ForEach @($parameters | Where-Object {
            $_.Parameter -in 'RuleId', 'JobId' -or ($_.Parameter -eq 'Id' -and $_.Command -like '*-Dqc*Job') }) {
        @($Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }).Type.Name |
            Should -Be 'JobIdCompleter'
    }

    It '<Command> -<Parameter> completes instance IDs' -ForEach @($parameters | Where-Object {
            $_.Parameter -eq 'InstanceId' -and $_.Command -like '*-DqcInstance*' }) {
        @($Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }).Type.Name |
            Should -Be 'InstanceIdCompleter'
    }

    It '<Command> -<Parameter> completes job names' -ForEach @($parameters | Where-Object {
            $_.Parameter -eq 'Name' -and ($_.Command -like '*-Dqc*Job' -or $_.Command -like '*-DqcInstance') }) {
        @($Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }).Type.Name |
            Should -Be 'JobNameCompleter'
    }

    It '<Command> -<Parameter> offers its fixed values' -ForEach @($parameters | Where-Object {
            $_.Parameter -match '(Status|Type)$' -and $_.Metadata.ParameterType -ne [switch] }) {
        $type = [Nullable]::GetUnderlyingType($Metadata.ParameterType) ?? $Metadata.ParameterType
        $hasSet = $type.IsEnum -or
            @($Metadata.Attributes | Where-Object { $_ -is [ValidateSet] -or $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }).Count -gt 0
        $hasSet | Should -BeTrue -Because "-$Parameter takes one of a fixed set of values"
    }
}

Describe 'Connection name completion' {
    AfterEach { Disconnect-DqcWorkspace -All }

    It 'quotes a connection name that would break the command line (<Name>)' -ForEach @(
        @{ Name = 'ops (eu)'; Text = "'ops (eu)'" }
        @{ Name = 'x(1)'; Text = "'x(1)'" }
        @{ Name = 'a;b'; Text = "'a;b'" }
    ) {
        # -SkipCheck: no request, so these connections do not spend the user's rate limit the next tests' listings need.
        Connect-DqcWorkspace -Name $Name -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token -SkipCheck
        try {
            $found = @(Complete "Get-DqcJob -Connection $($Name.Substring(0, 1))" | Where-Object ListItemText -eq $Name)
            $found.Count | Should -Be 1
            $found[0].CompletionText | Should -Be $Text
        }
        finally { Disconnect-DqcWorkspace -Name $Name }
    }
}
