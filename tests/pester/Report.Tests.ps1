BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '10', '--comparison-jobs', '3'
    Connect-TestWorkspace $emulator
    $script:conn = '2d9dcb2076b34bbab1c675f070d6af9d'
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Get-DqcReportOverview' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'combines the overview and the full score' {
        $o = Get-DqcReportOverview -DataConnectionId $conn
        $o | Should -BeOfType DataArtsQuality.Models.DqcReportOverview
        $o.Dimension | Should -Be 'Technology'
        $o.FullScore | Should -Be 100
        $o.Score | Should -BeGreaterThan 0
        ($o.Ranges | Measure-Object Count -Sum).Sum | Should -Be 6
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests.path | Should -Be @("/v2/$($emulator.ProjectId)/quality/report/overview", "/v2/$($emulator.ProjectId)/quality/report/scoring")
        $requests[0].query | Should -Be "?quality_score_dimension=technology&data_connection_id=$conn"
    }

    It 'sends the business dimension, levels and the window as 13-digit ms' {
        $from = [DateTimeOffset]::FromUnixTimeMilliseconds(1669132800000).UtcDateTime
        $null = Get-DqcReportOverview Business -L1 finance -From $from -To $from.AddDays(1)
        (Get-DqcEmulatorRequest $emulator)[0].query | Should -Be '?quality_score_dimension=business&l1=finance&start_timestamp=1669132800000&end_timestamp=1669219200000'
    }
}

Describe 'Get-DqcReportTrend' {
    It 'turns the string ms timestamps into times, oldest first' {
        $points = @(Get-DqcReportTrend)
        $points.Count | Should -Be 7
        $points[0] | Should -BeOfType DataArtsQuality.Models.DqcScorePoint
        $points[0].Time | Should -BeOfType DateTimeOffset
        ($points[1].Time - $points[0].Time) | Should -Be ([TimeSpan]::FromDays(1))
        $points[6].Time.ToOffset([TimeSpan]::FromHours(8)).TimeOfDay | Should -Be ([TimeSpan]::Zero)
    }

    It 'passes the window on' {
        $all = @(Get-DqcReportTrend)
        $some = @(Get-DqcReportTrend -From $all[5].Time.UtcDateTime)
        $some.Count | Should -Be 2
    }
}

Describe 'Get-DqcReportRule and Get-DqcReportRuleResult' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'lists the rules of a table' {
        $rules = @(Get-DqcReportRule -DataConnectionId $conn -DatabaseName postgres -TableName public.orders)
        $rules.Count | Should -Be 3
        $rules[0] | Should -BeOfType DataArtsQuality.Models.DqcReportRule
        $rules[0].Type | Should -Be 'System'
        $rules[1].Type | Should -Be 'Custom'
        $rules[0].SubRuleInstanceId | Should -BeExactly '1047298617787944961'
        (Get-DqcEmulatorRequest $emulator).query | Should -Be "?data_connection_id=$conn&database_name=postgres&table_name=public.orders&limit=100&offset=0"
    }

    It 'streams 150 result rows in two pages, piped from the rule, with the header as properties' {
        $rows = @(Get-DqcReportRule -TableObjectName "$conn.postgres.public.orders" -First 1 | Get-DqcReportRuleResult)
        $rows.Count | Should -Be 150
        $rows[0].PSObject.TypeNames[0] | Should -Be 'DataArtsQuality.Models.DqcReportRuleResult'
        $rows[0].'Field name' | Should -Be 'postgres.public.orders.col_000'
        $rows[0].SubRuleInstanceId | Should -Be '1047298617787944961'
        $results = @(Get-DqcEmulatorRequest $emulator | Where-Object path -like '*/report/sub-rule/results')
        $results.Count | Should -Be 2
        $results[0].query | Should -Be '?sub_rule_instance_id=1047298617787944961&limit=100&offset=0'
        $results[1].query | Should -Be '?sub_rule_instance_id=1047298617787944961&limit=100&offset=100'
    }

    It 'takes the table of a technical score row from the pipeline' {
        $rules = @(Get-DqcReportScore -SortBy Table -Descending -First 1 | Get-DqcReportRule)
        $rules.Count | Should -Be 3
        (Get-DqcEmulatorRequest $emulator)[-1].query | Should -Be "?data_connection_id=$conn&database_name=postgres&table_name=public.orders&limit=100&offset=0"
    }

    It 'honours -First on results' {
        @(Get-DqcReportRuleResult 1047298617787944961 -First 5).Count | Should -Be 5
        (Get-DqcEmulatorRequest $emulator).query | Should -Be '?sub_rule_instance_id=1047298617787944961&limit=5&offset=0'
    }
}

Describe 'Get-DqcReportScore' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'lists technical scores sorted by table score, descending' {
        $scores = @(Get-DqcReportScore -SortBy Table -Descending)
        $scores.Count | Should -Be 12
        $scores[0] | Should -BeOfType DataArtsQuality.Models.DqcTechnologyScore
        $scores.TableScore | Should -Be @($scores.TableScore | Sort-Object -Descending)
        (Get-DqcEmulatorRequest $emulator).query | Should -Be '?table_score_order=1&limit=100&offset=0'
    }

    It 'pages with -Skip/-First and -IncludeTotalCount' {
        $out = @(Get-DqcReportScore -DatabaseName postgres -Skip 2 -First 2 -IncludeTotalCount)
        $out[0].ToString() | Should -Match '6'
        $out.Count | Should -Be 3
    }

    It 'lists business scores with -Business' {
        $scores = @(Get-DqcReportScore -Business -L1 finance -SortBy L1)
        $scores[0] | Should -BeOfType DataArtsQuality.Models.DqcBusinessScore
        $scores.L1 | Sort-Object -Unique | Should -Be 'finance'
        $scores[0].Id | Should -Match '^\d{19}$'
        (Get-DqcEmulatorRequest $emulator).path | Should -Be "/v2/$($emulator.ProjectId)/quality/report/business/scores"
        (Get-DqcEmulatorRequest $emulator).query | Should -Be '?l1=finance&l1_score_order=0&limit=100&offset=0'
    }

    It 'refuses a sort key of the other report before any request' {
        $errors = $null
        Get-DqcReportScore -Business -SortBy Database -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcInvalidSort,DataArtsQuality.Commands.GetDqcReportScore'
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }
}
