BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '10', '--comparison-jobs', '3'
    Connect-TestWorkspace $emulator
    $script:userTemplate = '1012384820829081601'
    $script:secondTemplate = '1035847774756868097'
    function Get-StoredTemplate { Invoke-RestMethod "$($emulator.Url)/_emulator/rest/templates" | ForEach-Object { $_ } }
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Get-DqcRuleTemplate' {
    BeforeAll { Reset-DqcEmulator $emulator }
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'lists system and user templates with exact IDs and ms times' {
        $templates = @(Get-DqcRuleTemplate)
        $templates.Count | Should -Be 6
        $templates[0] | Should -BeOfType DataArtsQuality.Models.DqcRuleTemplate
        $templates[0].Id | Should -BeExactly '1'
        $templates[0].IsSystemTemplate | Should -BeTrue
        $templates[0].Creator | Should -Be 'System'
        $templates[0].CreateTime.ToUnixTimeMilliseconds() | Should -Be 1571328000000
        ($templates | Where-Object Name -eq 'orders_row_count').Id | Should -BeExactly $userTemplate
    }

    It 'sends the filters as the documented query' {
        $t = @(Get-DqcRuleTemplate -Name 'row_count' -CategoryId 1012384968858652701 -Creator ei)
        $t.Id | Should -Be @($userTemplate)
        (Get-DqcEmulatorRequest $emulator).query | Should -Be '?category_id=1012384968858652701&name=row_count&creator=ei&limit=100&offset=0'
        @(Get-DqcRuleTemplate -SystemOnly).IsSystemTemplate | Should -Not -Contain $false
    }

    It 'pages with -First and -Skip, asking only for what it needs' {
        Clear-DqcEmulatorRequest $emulator
        $page = @(Get-DqcRuleTemplate -Skip 2 -First 2)
        $page.Id | Should -Be @('3', '4')
        (Get-DqcEmulatorRequest $emulator).query | Should -Be '?limit=2&offset=2'
    }

    It 'streams: a downstream Select-Object -First stops the requests' {
        $one = Get-DqcRuleTemplate | Select-Object -First 1
        $one.Id | Should -Be '1'
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 1
    }

    It 'gets the detail of piped IDs, one GET each' {
        $details = $userTemplate, '1' | Get-DqcRuleTemplate
        $details.Name | Should -Be @('orders_row_count', 'Number of table rows')
        (Get-DqcEmulatorRequest $emulator).path | Should -Be @(
            "/v2/$($emulator.ProjectId)/quality/rule-templates/$userTemplate"
            "/v2/$($emulator.ProjectId)/quality/rule-templates/1")
    }

    It 'reports an unknown template as a non-terminating error with the ID as target' {
        $errors = $null
        $out = '1012384820829081602', '1' | Get-DqcRuleTemplate -ErrorVariable errors -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcBadRequest,DataArtsQuality.Commands.GetDqcRuleTemplate'
        $errors[0].TargetObject | Should -Be '1012384820829081602'
    }
}

Describe 'New-DqcRuleTemplate' {
    BeforeAll { Reset-DqcEmulator $emulator }
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'sends the documented TemplateRO and returns the created template' {
        $t = New-DqcRuleTemplate -Name 'null_emails' -Dimension Completeness -Sql 'select count(*) from ${Schema_Table1}' -CategoryId 1012384968858652711 -Description 'd' -ResultDescription 'r'
        $t | Should -BeOfType DataArtsQuality.Models.DqcRuleTemplate
        $t.Id | Should -Match '^\d{19}$'
        $t.Dimension | Should -Be 'Completeness'
        $t.CategoryId | Should -BeExactly '1012384968858652711'
        $body = (Get-DqcEmulatorRequest $emulator).body
        $body | Should -BeExactly '{"id":"0","name":"null_emails","directory_id":1012384968858652711,"dimension_id":1,"description":"d","sql_info":"select count(*) from ${Schema_Table1}","result_description":"r","publish":false,"origin_name":null,"abnormal_table_template":null,"user_define_version_name":null,"version_num":null,"status":null}'
        (Get-StoredTemplate | Where-Object id -eq $t.Id).name | Should -Be 'null_emails'
    }

    It 'sends nothing with -WhatIf' {
        New-DqcRuleTemplate -Name 'w' -Dimension Validity -Sql 'select 1' -WhatIf
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'passes a duplicate name refusal on as an error' {
        $errors = $null
        New-DqcRuleTemplate -Name 'orders_row_count' -Dimension Validity -Sql 'select 1' -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].Exception.ErrorCode | Should -Be 'DQC.4023'
    }
}

Describe 'Set-DqcRuleTemplate' {
    BeforeAll { Reset-DqcEmulator $emulator }
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'reads the template (detail, then the list for abnormal_table_template), then PUTs the merged TemplateRO with origin_name' {
        $t = Set-DqcRuleTemplate -Id $userTemplate -Sql 'select count(1) from ${Schema_Table1}' -Publish -VersionName 'V1.1'
        $t.Sql | Should -Be 'select count(1) from ${Schema_Table1}'
        $t.Name | Should -Be 'orders_row_count'
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests.method | Should -Be @('GET', 'GET', 'PUT')
        $requests[1].path | Should -Be "/v2/$($emulator.ProjectId)/quality/rule-templates"
        $requests[2].path | Should -Be "/v2/$($emulator.ProjectId)/quality/rule-templates/$userTemplate"
        $requests = @($requests[0], $requests[2])
        $body = $requests[1].body | ConvertFrom-Json -AsHashtable
        $body.id | Should -BeExactly $userTemplate
        $body.origin_name | Should -Be 'orders_row_count'
        $body.dimension_id | Should -Be 2
        $body.publish | Should -BeTrue
        $body.status | Should -Be 1
        $body.user_define_version_name | Should -Be 'V1.1'
        $requests[1].body | Should -Match '"directory_id":1012384968858652701,'
    }

    It 'takes templates from the pipeline' {
        Get-DqcRuleTemplate -Name late | Set-DqcRuleTemplate -Name 'late_payments_v2'
        (Get-StoredTemplate | Where-Object id -eq $secondTemplate).name | Should -Be 'late_payments_v2'
    }

    It 'sends nothing with -WhatIf' {
        Set-DqcRuleTemplate -Id $userTemplate -Name x -WhatIf
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }
}

Describe 'Remove-DqcRuleTemplate' {
    BeforeEach {
        Reset-DqcEmulator $emulator
    }

    It 'deletes piped IDs in one request with the {"ids":[...]} body of exact numbers' {
        $userTemplate, $secondTemplate | Remove-DqcRuleTemplate -Force
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests.Count | Should -Be 1
        $requests[0].path | Should -Be "/v2/$($emulator.ProjectId)/quality/rule-templates/batch-delete"
        $requests[0].body | Should -BeExactly "{`"ids`":[$userTemplate,$secondTemplate]}"
        (Get-StoredTemplate).id | Should -Not -Contain $userTemplate
    }

    It 'deletes what Get-DqcRuleTemplate emits' {
        Get-DqcRuleTemplate -Creator data_ops | Remove-DqcRuleTemplate -Force
        (Get-StoredTemplate).id | Should -Not -Contain $secondTemplate
        (Get-StoredTemplate).id | Should -Contain $userTemplate
    }

    It 'sends nothing with -WhatIf' {
        $userTemplate | Remove-DqcRuleTemplate -WhatIf
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'has ConfirmImpact High' {
        (Get-Command Remove-DqcRuleTemplate).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'reports a refused batch once, with every ID of the batch as target' {
        $errors = $null
        '1', $userTemplate | Remove-DqcRuleTemplate -Force -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].Exception.ErrorCode | Should -Be 'DQC.4024'
        $errors[0].TargetObject | Should -Be @('1', $userTemplate)
        (Get-StoredTemplate).id | Should -Contain $userTemplate
    }
}
