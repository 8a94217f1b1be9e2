# What the official SDK models and API pages define, end to end against the emulator (issue 13).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '10', '--comparison-jobs', '3', '--instance-run-ms', '1500'
    Connect-TestWorkspace $emulator
    $script:q1 = $emulator.QualityJobIds[0]   # ends SUCCESS
    $script:q2 = $emulator.QualityJobIds[1]   # ends FAILED
    $script:userTemplate = '1012384820829081601'
    function script:Get-StoredTemplate { Invoke-RestMethod "$($emulator.Url)/_emulator/rest/templates" | ForEach-Object { $_ } }
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Calls whose reference defines no response body (or none we need)' {
    BeforeEach {
        Reset-DqcEmulator $emulator
        Clear-DqcEmulatorFault $emulator
    }

    It 'deletes templates when BatchDeleteTemplates answers a bare 200 with an empty body, as the reference does' {
        $errors = $null
        $userTemplate | Remove-DqcRuleTemplate -Force -ErrorVariable errors
        $errors | Should -BeNullOrEmpty
        (Get-StoredTemplate).id | Should -Not -Contain $userTemplate
        $delete = @(Get-DqcEmulatorRequest $emulator | Where-Object path -like '*/rule-templates/batch-delete')
        $delete.Count | Should -Be 1
        $delete[0].status | Should -Be 200
        $raw = Invoke-WebRequest -Method Post -Uri "$($emulator.Url)/v2/$($emulator.ProjectId)/quality/rule-templates/batch-delete" `
            -Headers @{ 'X-Auth-Token' = $emulator.Token; workspace = $emulator.WorkspaceId } -ContentType 'application/json' -Body '{"ids":[1035847774756868097]}' -SkipHttpErrorCheck
        $raw.StatusCode | Should -Be 200
        $raw.RawContentLength | Should -Be 0
    }

    It 'takes a 2xx with a non-JSON body as success for <Name>' -ForEach @(
        @{ Name = 'Remove-DqcJob'; Path = 'quality-tasks/batch-delete'; Run = { $q2 | Remove-DqcJob -Force } }
        @{ Name = 'Start-DqcJobSchedule'; Path = 'quality-tasks/action'; Run = { $q1 | Start-DqcJobSchedule } }
    ) {
        Add-DqcEmulatorFault $emulator -Kind Malformed -Path $Path
        $errors = @(& $Run 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | Should -BeNullOrEmpty
        (Get-DqcEmulatorFault $emulator).applied | Should -Be 1
    }

    It 'takes a 2xx with a non-JSON body as success for Stop-DqcInstance and Add-DqcInstanceRecord' {
        $runs = @($q1, $q2 | Restart-DqcJob)
        Add-DqcEmulatorFault $emulator -Kind Malformed -Path 'instances/batch-stop'
        Add-DqcEmulatorFault $emulator -Kind Malformed -Path "instances/$($runs[1].InstanceId)"
        $errors = $null
        $runs[0] | Stop-DqcInstance -Force -ErrorVariable errors
        $runs[1] | Add-DqcInstanceRecord -Comment 'looked at it' -Force -ErrorVariable +errors
        $errors | Should -BeNullOrEmpty
        (Get-DqcEmulatorFault $emulator).applied | Should -Be 2
        (Get-DqcEmulatorInstance $emulator | Where-Object id -eq $runs[0].InstanceId).run_status | Should -Be 'FAILED'
    }

    It 'still fails Restart-DqcJob when its answer is cut and its run is not looked for, since the instance_id is needed' {
        Set-DqcConfig -LostAnswerLookCount 0
        try {
            Add-DqcEmulatorFault $emulator -Kind Malformed -Path 'instances/restart'
            $errors = $null
            $out = $q1 | Restart-DqcJob -ErrorVariable errors -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $errors.Count | Should -Be 1
        }
        finally { Set-DqcConfig -LostAnswerLookCount 3 }
    }

    It 'reports the run found among the job''s instances when a rerun''s answer is cut' {
        Add-DqcEmulatorFault $emulator -Kind Malformed -Path 'instances/restart'
        $errors = $null
        $out = @($q1 | Restart-DqcJob -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $errors.Count | Should -Be 0
        $out.Count | Should -Be 1
        $out[0].InstanceId | Should -BeIn @((Get-DqcEmulatorInstance $emulator).id | ForEach-Object { [string]$_ })
    }
}

Describe 'Waiting ends only on a verdict' {
    BeforeEach { Reset-DqcEmulator $emulator }

    It 'waits through SUSPENDING and RUNNING to the verdict' {
        # Long enough that both runs are still SUSPENDING when checked on a loaded 2-core machine.
        $null = Set-DqcEmulatorShape $emulator -SuspendingMs 10000
        $runs = @($q1, $q2 | Restart-DqcJob)
        (Get-DqcEmulatorInstance $emulator | Where-Object id -in $runs.InstanceId).run_status | Should -Be @('SUSPENDING', 'SUSPENDING')
        $final = @($runs | Wait-DqcInstance -PollIntervalSec 1 -TimeoutSec 60)
        $final.Count | Should -Be 2
        ($final | Where-Object JobId -eq $q1).RunStatus | Should -Be 'SUCCESS'
        ($final | Where-Object JobId -eq $q2).RunStatus | Should -Be 'FAILED'
    }

    It 'times out on an instance still SUSPENDING, naming that status' {
        $null = Set-DqcEmulatorShape $emulator -SuspendingMs 600000
        $run = $q1 | Restart-DqcJob
        $errors = $null
        $final = @($run | Wait-DqcInstance -TimeoutSec 2 -PollIntervalSec 1 -ErrorVariable errors -ErrorAction SilentlyContinue)
        $final.Count | Should -Be 0
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcWaitTimeout,DataArtsQuality.Commands.WaitDqcInstance'
        $errors[0].ToString() | Should -BeLike "*$($run.InstanceId)*last status was SUSPENDING*"
    }
}

Describe 'Set-DqcRuleTemplate keeps what it is not asked to change' {
    BeforeEach {
        Reset-DqcEmulator $emulator
        Clear-DqcEmulatorRequest $emulator
    }

    It 'renames without sending nulls, with abnormal_table_template from the list, and the service keeps description and abnormal SQL' {
        $before = Get-StoredTemplate | Where-Object id -eq $userTemplate
        $before.description | Should -Not -BeNullOrEmpty
        $before.abnormal_table_template | Should -Not -BeNullOrEmpty
        $t = Set-DqcRuleTemplate -Id $userTemplate -Name 'orders_rows'
        $t.Name | Should -Be 'orders_rows'
        $t.AbnormalTableSql | Should -Be $before.abnormal_table_template
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests.method | Should -Be @('GET', 'GET', 'PUT')
        $requests[1].query | Should -BeLike '?name=orders_row_count&*'
        $requests[2].body | Should -Not -Match 'null'
        $body = $requests[2].body | ConvertFrom-Json -AsHashtable
        $body.Keys | Should -Not -Contain 'description'
        $body.abnormal_table_template | Should -Be $before.abnormal_table_template
        $body.name | Should -Be 'orders_rows'
        $body.origin_name | Should -Be 'orders_row_count'
        $after = Get-StoredTemplate | Where-Object id -eq $userTemplate
        $after.description | Should -Be $before.description
        $after.abnormal_table_template | Should -Be $before.abnormal_table_template
    }

    It 'sends the description when it is given, and clears it with an empty string' {
        Set-DqcRuleTemplate -Id $userTemplate -Description 'new text' | Out-Null
        (Get-StoredTemplate | Where-Object id -eq $userTemplate).description | Should -Be 'new text'
        Set-DqcRuleTemplate -Id $userTemplate -Description '' | Out-Null
        (Get-StoredTemplate | Where-Object id -eq $userTemplate).description | Should -BeNullOrEmpty
    }
}

Describe 'Fields the SDK models define' {
    It 'exposes every sub-rule field of a quality job detail as a typed property' {
        $rule = (Get-DqcJob -Id $q1).SubRules[0]
        $rule.ExportAbnormalTable | Should -BeTrue
        $rule.AbnormalTableDatabase | Should -Be 'dqc_abnormal'
        $rule.AbnormalTablePrefix | Should -Be 'abn_'
        $rule.AbnormalTableOutDataNumber | Should -Be 0
        $rule.AbnormalTableOutDataNumber | Should -BeOfType [long]
        $rule.CalculationRange | Should -Be 'FULL_SCAN'
        $rule.ScoreSwitch | Should -BeFalse
        $rule.PSObject.Properties.Name | Should -Contain 'RegularExpression'
        $rule.PSObject.Properties.Name | Should -Contain 'TemplateArguments'
        $rule.PSObject.Properties.Name | Should -Contain 'ScoreExpression'
    }

    It 'leaves the quality-only fields empty on a comparison sub-rule' {
        $rule = (Get-DqcComparisonJob -Id $emulator.ComparisonJobIds[0]).SubRules[0]
        $rule.CalculationRange | Should -Be 'FULL_SCAN'
        $rule.ExportAbnormalTable | Should -BeNullOrEmpty
        $rule.AbnormalTableDatabase | Should -BeNullOrEmpty
    }
}

Describe 'Get-DqcWorkspace against the shapes the SDK allows' {
    BeforeAll {
        $script:auth = Get-DqcEmulatorAuth $emulator
    }
    BeforeEach { Reset-DqcEmulator $emulator }

    It 'reads float times and every workspace when the service caps pages below the limit' {
        $plain = @(Get-DqcWorkspace -InstanceId $auth.instance_id)
        $null = Set-DqcEmulatorShape $emulator -PageCap 2 -WorkspaceTimesAsFloat $true
        Clear-DqcEmulatorRequest $emulator
        $capped = @(Get-DqcWorkspace -InstanceId $auth.instance_id)
        $capped.Count | Should -Be 5
        $capped.Name | Should -Be $plain.Name
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 3
        (Get-DqcEmulatorRequest $emulator)[0].query | Should -Be '?limit=100&offset=0'
        foreach ($i in 0..4) {
            [math]::Abs(($capped[$i].CreatedAt - $plain[$i].CreatedAt).TotalSeconds) | Should -BeLessThan 1
            $capped[$i].UpdatedAt | Should -Not -BeNullOrEmpty
        }
        $capped[0].PSObject.Properties.Name | Should -Contain 'BadRecordLocationName'
        $capped[0].PSObject.Properties.Name | Should -Contain 'JobLogLocationName'
    }
}

Describe 'What is built for Windows PowerShell 5.1' {
    It 'raises connections per server to at least the largest -ThrottleLimit' {
        $max = (Get-Command Restart-DqcJob).Parameters['ThrottleLimit'].Attributes |
            Where-Object { $_ -is [System.Management.Automation.ValidateRangeAttribute] } | ForEach-Object MaxRange
        $transport = [DataArtsQuality.Models.DqcId].Assembly.GetType('DataArtsQuality.Client.ServicePointSettings')
        $transport.GetField('MaxParallelRequests', [System.Reflection.BindingFlags]'NonPublic,Static').GetRawConstantValue() | Should -Be $max
    }

    It 'ships in Dependencies/ every version the module and its dependencies ask for' {
        $module = Join-Path $RepoRoot 'out/DataArtsQuality'
        $shipped = @{}
        foreach ($dll in Get-ChildItem (Join-Path $module 'Dependencies') -Filter *.dll) {
            $name = [System.Reflection.AssemblyName]::GetAssemblyName($dll.FullName)
            $shipped[$name.Name] = $name.Version
        }
        $shipped.Keys | Should -Contain 'System.Text.Json'
        $files = @(Get-ChildItem (Join-Path $module 'Dependencies') -Filter *.dll) + (Get-Item (Join-Path $module 'DataArtsQuality.dll'))
        $checked = 0
        foreach ($file in $files) {
            $stream = [System.IO.File]::OpenRead($file.FullName)
            try {
                $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
                $md = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
                foreach ($handle in $md.AssemblyReferences) {
                    $ref = $md.GetAssemblyReference($handle)
                    $name = $md.GetString($ref.Name)
                    if (-not $shipped.ContainsKey($name)) { continue }
                    $checked++
                    $shipped[$name] | Should -BeGreaterOrEqual $ref.Version -Because "$($file.Name) asks for $name $($ref.Version)"
                }
                $pe.Dispose()
            }
            finally { $stream.Dispose() }
        }
        $checked | Should -BeGreaterThan 5
    }
}
