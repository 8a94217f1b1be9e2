BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '10', '--comparison-jobs', '3'
    Connect-TestWorkspace $emulator
    $script:fast = [TimeSpan]::FromMilliseconds(20)
    $script:template = '1035847774756868097'
    function Get-StoredTemplate { Invoke-RestMethod "$($emulator.Url)/_emulator/rest/templates" | ForEach-Object { $_ } }
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Export-DqcResource' {
    BeforeEach { Reset-DqcEmulator $emulator }

    It 'exports, polls until the file is GENERATED, downloads it and emits the file' {
        $path = Join-Path $TestDrive 'templates.json'
        $file = $template | Export-DqcResource RuleTemplate $path -PollInterval $fast
        $file.FullName | Should -Be $path
        (Get-Content $file -Raw | ConvertFrom-Json).items[0].name | Should -Be 'late_payments'
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests[0].path | Should -Be "/v2/$($emulator.ProjectId)/quality/resource/export"
        $requests[0].body | Should -BeExactly "{`"type`":`"rule-template`",`"is_select_all`":false,`"resources`":[$template]}"
        $status = @($requests | Where-Object path -like '*/resource/status/*')
        $status.Count | Should -Be 4   # WAITING, RUNNING, SUCCESS/PREPARING, SUCCESS/GENERATED
        $requests[-1].path | Should -Be "/v2/$($emulator.ProjectId)/quality/resource/download"
        $requests[-1].query | Should -Match '^\?resource_id=\d{19}$'
    }

    It 'shows progress while it polls, and completes the bar' {
        # Progress records cannot be redirected; a nested PowerShell exposes them in Streams.Progress.
        $path = Join-Path $TestDrive 'p.json'
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                param($Module, $Emulator, $Id, $Path)
                Import-Module $Module
                Connect-DqcWorkspace -Endpoint $Emulator.Url -ProjectId $Emulator.ProjectId -WorkspaceId $Emulator.WorkspaceId -Token $Emulator.Token
                $Id | Export-DqcResource RuleTemplate $Path -PollInterval ([TimeSpan]::FromMilliseconds(20))
            }).AddArgument((Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.psd1')).AddArgument($emulator).AddArgument($template).AddArgument($path)
            $out = $ps.Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
            $out[0].FullName | Should -Be $path
            $progress = @($ps.Streams.Progress)
            $progress.StatusDescription | Should -Contain 'RUNNING, file PREPARING'
            $progress.StatusDescription | Should -Contain 'SUCCESS, file GENERATED'
            $progress[0].Activity | Should -Be 'Exporting 1 RuleTemplate resource(s)'
            $progress[-1].RecordType | Should -Be 'Completed'
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'exports all jobs of a type and a report with obs_type' {
        $null = Export-DqcResource QualityJob (Join-Path $TestDrive 'jobs.json') -All -PollInterval $fast
        (Get-DqcEmulatorRequest $emulator)[0].body | Should -BeExactly '{"type":"quality-task","is_select_all":true,"resources":null}'
        Clear-DqcEmulatorRequest $emulator
        $report = Export-DqcResource Report (Join-Path $TestDrive 'report.csv') -All -ReportType Business -PollInterval $fast
        Get-Content $report -TotalCount 1 | Should -Be 'data_connection_id,database_name,table_name,table_score'
        (Get-DqcEmulatorRequest $emulator)[0].body | Should -BeExactly '{"type":"report","is_select_all":true,"resources":null,"obs_service_type":"business"}'
        (Get-DqcEmulatorRequest $emulator)[-1].query | Should -Match '&obs_type=business$'
    }

    It 'carries the service status message when the export fails, and writes no file' {
        $path = Join-Path $TestDrive 'bad.json'
        $errors = $null
        Export-DqcResource RuleTemplate $path -Id '1035847774756868098' -PollInterval $fast -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcResourceTaskFailed,DataArtsQuality.Commands.ExportDqcResource'
        $errors[0].ToString() | Should -BeLike '*FAILED*The rule template 1035847774756868098 does not exist.*'
        $errors[0].Exception.Status.ErrorMessage | Should -Be 'The rule template 1035847774756868098 does not exist.'
        $path | Should -Not -Exist
    }

    It 'does not overwrite a file without -Force, and sends nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'exists.json'
        'x' | Set-Content $path
        $errors = $null
        Export-DqcResource RuleTemplate $path -All -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcFileExists,DataArtsQuality.Commands.ExportDqcResource'
        Export-DqcResource RuleTemplate (Join-Path $TestDrive 'w.json') -All -WhatIf
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }
}

Describe 'Import-DqcResource' {
    BeforeEach { Reset-DqcEmulator $emulator }

    It 'uploads multipart, imports (204) and polls to SUCCESS' {
        $path = Join-Path $TestDrive 'roundtrip.json'
        $null = Export-DqcResource RuleTemplate $path -Id $template -PollInterval $fast -Force
        Remove-DqcRuleTemplate $template -Force
        Clear-DqcEmulatorRequest $emulator
        $status = Import-DqcResource $path RuleTemplate -Strategy Override -DirectoryMapping @{ marketing = 'finance' } -PollInterval $fast
        $status | Should -BeOfType DataArtsQuality.Models.DqcResourceStatus
        $status.Status | Should -Be 'SUCCESS'
        $status.Action | Should -Be 'IMPORT'
        $status.Directories | Should -Be @('marketing')
        (Get-StoredTemplate).name | Should -Contain 'late_payments'
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests[0].path | Should -Be "/v2/$($emulator.ProjectId)/quality/resource/upload"
        $requests[0].headers.'content-type' | Should -Match '^multipart/form-data; boundary='
        $requests[0].body | Should -Match 'name="type"\r\n\r\nrule-template\r\n'
        $requests[0].body | Should -Match 'name="file"; filename="roundtrip.json"'
        $requests[1].path | Should -Be "/v2/$($emulator.ProjectId)/quality/resource/import"
        $requests[1].status | Should -Be 204
        $body = $requests[1].body | ConvertFrom-Json
        $body.resource_id | Should -Be $status.ResourceId
        $body.type | Should -Be 'rule-template'
        $body.strategy | Should -Be 'OVERRIDE'
        $body.directories[0].old_value | Should -Be 'marketing'
        $body.directories[0].new_value | Should -Be 'finance'
    }

    It 'carries the service status message when the import fails' {
        $path = Join-Path $TestDrive 'garbage.json'
        'not an export' | Set-Content $path
        $errors = $null
        Import-DqcResource $path RuleTemplate -PollInterval $fast -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcResourceTaskFailed,DataArtsQuality.Commands.ImportDqcResource'
        $errors[0].ToString() | Should -BeLike '*FAILED*garbage.json is not a DQC rule-template export*'
    }

    It 'sends nothing with -WhatIf, and refuses a missing file' {
        $path = Join-Path $TestDrive 'w.json'
        '{}' | Set-Content $path
        Import-DqcResource $path RuleTemplate -WhatIf
        $errors = $null
        Import-DqcResource (Join-Path $TestDrive 'missing.json') RuleTemplate -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcFileNotFound,DataArtsQuality.Commands.ImportDqcResource'
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
    }
}
