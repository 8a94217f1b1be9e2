# Every default table view, rendered as a user sees it at 80 and 120 columns, on emulator data with long values:
# one line per row, no wrapped header, 19-digit IDs whole, names visible (cut with an ellipsis when long).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '10', '--comparison-jobs', '3', '--instance-run-ms', '200'
    Connect-TestWorkspace $emulator
    $script:conn = '2d9dcb2076b34bbab1c675f070d6af9d'
    $script:longName = 'dq_edge_customer_orders_daily_null_and_duplicate_check_cn_north_4'
    $script:longJob = Add-DqcEmulatorJob $emulator -Name $longName
    $script:longComparison = Add-DqcEmulatorJob $emulator -Name 'cmp_finance_ledger_vs_warehouse_monthly_reconciliation' -Kind Comparison

    # The rendered table's non-blank lines.
    function script:Render([object[]] $Objects, [int] $Width) {
        @(($Objects | Out-String -Width $Width) -split '\r?\n' | Where-Object { $_.Trim() })
    }

    # Asserts the table shape; returns the rows (without header and dashes).
    function script:Assert-Table {
        param([object[]] $Objects, [int] $Width, [string[]] $Columns, [string[]] $Absent = @())
        $lines = Render $Objects $Width
        foreach ($line in $lines) { $line.TrimEnd().Length | Should -BeLessOrEqual $Width -Because "'$line' fits $Width columns" }
        $lines.Count | Should -Be ($Objects.Count + 2) -Because "a header, a rule and one line per row:`n$($lines -join "`n")"
        $lines[1] | Should -Match '^[- ]+$'
        $headers = @($lines[0].Trim() -split '\s+')
        $headers | Should -Be $Columns -Because "the header at $Width columns is '$($lines[0])'"
        foreach ($a in $Absent) { $headers | Should -Not -Contain $a }
        , @($lines | Select-Object -Skip 2)
    }

    # The name is on the row, whole or cut with an ellipsis after a readable prefix.
    function script:Assert-NameShown([string] $Row, [string] $Name) {
        if ($Row.Contains($Name)) { return }
        $Row | Should -Match ([regex]::Escape($Name.Substring(0, 12)) + '\S*…') -Because "the name '$Name' is visible in '$Row'"
    }

    function script:Assert-IdWhole([string] $Row, [string] $Id) {
        $Row | Should -Match "(^|\s)$Id(\s|$)" -Because "the ID $Id is whole in '$Row'"
    }
}

AfterAll {
    try { Disconnect-DqcWorkspace -All } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Job views' {
    It 'Get-DqcJob shows ID, name, schedule status and last run at 80 columns; period, creator and type at 120' {
        $jobs = @(Get-DqcJob)
        $rows = Assert-Table $jobs 80 'Id', 'Name', 'ScheduleStatus', 'LastRun'
        for ($i = 0; $i -lt $jobs.Count; $i++) {
            Assert-IdWhole $rows[$i] $jobs[$i].Id
            Assert-NameShown $rows[$i] $jobs[$i].Name
            $rows[$i] | Should -Match ([regex]::Escape($jobs[$i].ScheduleStatus))
        }
        $long = $rows[[array]::IndexOf(@($jobs.Id), $longJob)]
        $long | Should -Match '…'
        $null = Assert-Table $jobs 120 'Id', 'Name', 'ScheduleStatus', 'LastRun', 'Period', 'Creator', 'RuleType'
    }

    It 'Get-DqcComparisonJob uses the same view' {
        $jobs = @(Get-DqcComparisonJob)
        $rows = Assert-Table $jobs 80 'Id', 'Name', 'ScheduleStatus', 'LastRun'
        for ($i = 0; $i -lt $jobs.Count; $i++) { Assert-IdWhole $rows[$i] $jobs[$i].Id; Assert-NameShown $rows[$i] $jobs[$i].Name }
        $rows = Assert-Table $jobs 120 'Id', 'Name', 'ScheduleStatus', 'LastRun', 'Period', 'Creator', 'RuleType'
        $rows[0] | Should -Match 'Comparison'
    }

    It 'a job detail shows the job view, its sub-rules their own' {
        $detail = Get-DqcComparisonJob -Id $emulator.ComparisonJobIds[0]
        $row = (Assert-Table @($detail) 80 'Id', 'Name', 'ScheduleStatus', 'LastRun')[0]
        Assert-IdWhole $row $detail.Id
        $subRules = @($detail.SubRules)
        $subRules.Count | Should -BeGreaterThan 0
        $rows = Assert-Table $subRules 80 'Id', 'Group', 'Name', 'Dimension', 'Type'
        for ($i = 0; $i -lt $subRules.Count; $i++) { Assert-IdWhole $rows[$i] $subRules[$i].Id; Assert-NameShown $rows[$i] $subRules[$i].Name }
        $null = Assert-Table $subRules 120 'Id', 'Group', 'Name', 'Dimension', 'Type', 'Tables'
    }

    It 'Get-DqcLegacyJob fits 80 columns' {
        $jobs = @(Get-DqcLegacyJob -First 3)
        $rows = Assert-Table $jobs 80 'Id', 'Name', 'ScheduleStatus', 'Creator'
        for ($i = 0; $i -lt $jobs.Count; $i++) { Assert-IdWhole $rows[$i] $jobs[$i].Id; Assert-NameShown $rows[$i] $jobs[$i].Name }
        $null = Assert-Table $jobs 120 'Id', 'Name', 'ScheduleStatus', 'Creator', 'CalcTime'
    }
}

Describe 'Instance views' {
    It 'a just-submitted rerun piped from a job shows instance, job, type, submission time and the job name' {
        $job = Get-DqcJob | Where-Object Id -eq $longJob
        $run = $job | Restart-DqcJob
        $run | Should -BeOfType DataArtsQuality.Models.DqcInstance
        $run.JobName | Should -Be $longName
        $row = (Assert-Table @($run) 80 'InstanceId', 'JobId', 'RuleType', 'Submitted', 'JobName')[0]
        Assert-IdWhole $row $run.InstanceId
        Assert-IdWhole $row $longJob
        $row | Should -Match ' Quality '
        $row | Should -Match ([regex]::Escape($run.SubmittedAt.LocalDateTime.ToString('HH:mm:ss')))
        Assert-NameShown $row $longName
        $row = (Assert-Table @($run) 120 'InstanceId', 'JobId', 'RuleType', 'Submitted', 'JobName', 'SubmittedAt')[0]
        $row | Should -Match ([regex]::Escape($run.SubmittedAt.ToString('yyyy-MM-dd HH:mm:ss')))
    }

    It 'a rerun by ID alone leaves only the job name empty' {
        $run = Restart-DqcJob $emulator.ComparisonJobIds[0] -RuleType Comparison
        $row = (Assert-Table @($run) 80 'InstanceId', 'JobId', 'RuleType', 'Submitted', 'JobName')[0]
        $row | Should -Match "^$($run.InstanceId) $($emulator.ComparisonJobIds[0]) Comparison \d\d:\d\d:\d\d\s*$"
    }

    It 'Get-DqcInstance shows ID, status, start and name at 80 columns; job ID and type at 120' {
        $null = Restart-DqcJob $longJob -Wait -PollIntervalSec 1
        $instances = @(Get-DqcInstance -JobId $longJob)
        $instances.Count | Should -BeGreaterThan 0
        $rows = Assert-Table $instances 80 'InstanceId', 'RunStatus', 'Started', 'Name'
        for ($i = 0; $i -lt $instances.Count; $i++) {
            Assert-IdWhole $rows[$i] $instances[$i].InstanceId
            Assert-NameShown $rows[$i] $instances[$i].Name
            $rows[$i] | Should -Match ([regex]::Escape($instances[$i].RunStatus))
        }
        $rows = Assert-Table $instances 120 'InstanceId', 'RunStatus', 'Started', 'Name', 'JobId', 'RuleType'
        for ($i = 0; $i -lt $instances.Count; $i++) { Assert-IdWhole $rows[$i] $longJob }
    }

    It 'Restart-DqcJob -Wait and Wait-DqcInstance show the listed view' {
        $done = @(Restart-DqcJob $emulator.QualityJobIds[0] -Wait -PollIntervalSec 1)
        $rows = Assert-Table $done 80 'InstanceId', 'RunStatus', 'Started', 'Name'
        $rows[0] | Should -Match 'SUCCESS|FAILED|ALARMING'
    }

    It 'Get-DqcInstanceResult and Add-DqcInstanceRecord fit 80 columns' {
        $run = Restart-DqcJob $emulator.QualityJobIds[1] -Wait -PollIntervalSec 1
        $results = @($run | Get-DqcInstanceResult)
        $results.Count | Should -BeGreaterThan 0
        $rows = Assert-Table $results 80 'InstanceId', 'SubRuleId', 'AbnormalTable', 'Results'
        for ($i = 0; $i -lt $results.Count; $i++) { Assert-IdWhole $rows[$i] $results[$i].InstanceId; Assert-IdWhole $rows[$i] $results[$i].SubRuleId }
        $record = Add-DqcInstanceRecord $run.InstanceId 'Looking into it: the upstream load of the orders table was late again'
        $row = (Assert-Table @($record) 80 'InstanceId', 'Action', 'AssignedTo', 'RunCancelled', 'Message')[0]
        Assert-IdWhole $row $run.InstanceId
    }
}

Describe 'Session views' {
    It 'Get-DqcContext shows the workspace ID whole at 80 columns; the project ID at 120' {
        Connect-DqcWorkspace -Name 'nightly_prod_eu_finance_team_a' -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token
        try {
            $contexts = @(Get-DqcContext -ListAvailable)
            $contexts.Count | Should -Be 2
            $rows = Assert-Table $contexts 80 'Name', 'Default', 'WorkspaceId', 'Auth'
            foreach ($row in $rows) { $row | Should -Match $emulator.WorkspaceId }
            ($rows -join "`n") | Should -Match 'nightly_prod_eu_finance…'
            $rows = Assert-Table $contexts 120 'Name', 'Default', 'WorkspaceId', 'Auth', 'ProjectId'
            foreach ($row in $rows) { $row | Should -Match $emulator.ProjectId; $row | Should -Match $emulator.WorkspaceId }
        }
        finally { Disconnect-DqcWorkspace -Name 'nightly_prod_eu_finance_team_a' }
    }

    It 'Get-DqcConfig fits 80 columns' {
        $row = (Assert-Table @(Get-DqcConfig) 80 'MaximumRetryCount', 'RetryIntervalSec', 'TimeoutSec', 'RateLimit', 'MaximumRetryAfterSec')[0]
        $row | Should -Match '\d+ per \d+ s|off'
    }

    It 'Get-DqcWorkspace shows name, ID, kind and members at 80 columns; description at 120' {
        $workspaces = @(Get-DqcWorkspace -InstanceId $emulator.Auth.instance_id)
        $rows = Assert-Table $workspaces 80 'Name', 'WorkspaceId', 'Kind', 'Members', 'Owner'
        for ($i = 0; $i -lt $workspaces.Count; $i++) { $rows[$i] | Should -Match $workspaces[$i].WorkspaceId; Assert-NameShown $rows[$i] $workspaces[$i].Name }
        $null = Assert-Table $workspaces 120 'Name', 'WorkspaceId', 'Kind', 'Members', 'Owner', 'Description'
    }
}

Describe 'Catalog views' {
    It 'Get-DqcRuleTemplate fits 80 columns with a long template name' {
        $null = New-DqcRuleTemplate -Name 'null_rate_of_customer_email_addresses_by_region' -Dimension Completeness -Sql 'select 1'
        $templates = @(Get-DqcRuleTemplate)
        $rows = Assert-Table $templates 80 'Id', 'Name', 'Dimension', 'Type', 'System'
        for ($i = 0; $i -lt $templates.Count; $i++) { Assert-IdWhole $rows[$i] $templates[$i].Id; Assert-NameShown $rows[$i] $templates[$i].Name }
        $null = Assert-Table $templates 120 'Id', 'Name', 'Dimension', 'Type', 'System', 'Creator'
    }

    It 'Get-DqcCategory fits 80 columns' {
        $categories = @(Get-DqcCategory -Flatten)
        $rows = Assert-Table $categories 80 'Id', 'Name', 'Type', 'Path'
        for ($i = 0; $i -lt $categories.Count; $i++) { Assert-IdWhole $rows[$i] $categories[$i].Id; Assert-NameShown $rows[$i] $categories[$i].Name }
    }
}

Describe 'Report views' {
    It 'report overview, trend, rules and scores fit 80 columns' {
        $null = Assert-Table @(Get-DqcReportOverview -DataConnectionId $conn) 80 'Dimension', 'Score', 'FullScore', 'Ranges'
        $null = Assert-Table @(Get-DqcReportTrend) 80 'Time', 'Score'
        $rules = @(Get-DqcReportRule -DataConnectionId $conn -DatabaseName postgres -TableName public.orders)
        $rows = Assert-Table $rules 80 'RuleName', 'Score', 'Weight', 'Dimension', 'Type', 'SubRuleInstanceId'
        for ($i = 0; $i -lt $rules.Count; $i++) { Assert-IdWhole $rows[$i] $rules[$i].SubRuleInstanceId }
        $null = Assert-Table @(Get-DqcReportScore -SortBy Table) 80 'Connection', 'ConnScore', 'Database', 'DbScore', 'Table', 'TableScore'
        $null = Assert-Table @(Get-DqcReportScore -Business) 80 'L1', 'L1Score', 'L2', 'L2Score', 'L3', 'TableScore', 'TableName'
    }

    It 'an import status fits 80 columns' {
        $path = Join-Path $TestDrive 'templates.json'
        $null = Export-DqcResource RuleTemplate $path -Id '1035847774756868097' -PollInterval ([TimeSpan]::FromMilliseconds(20)) -Force
        $status = Import-DqcResource $path RuleTemplate -Strategy Override -PollInterval ([TimeSpan]::FromMilliseconds(20))
        $row = (Assert-Table @($status) 80 'ResourceId', 'Action', 'Type', 'Status', 'FileStatus', 'FileName')[0]
        Assert-IdWhole $row $status.ResourceId
    }
}
