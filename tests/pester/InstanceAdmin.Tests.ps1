BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    # Long runs: instances stay RUNNING for the whole file.
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '10', '--comparison-jobs', '3', '--instance-run-ms', '600000'
    Connect-TestWorkspace $emulator
    $script:q1 = $emulator.QualityJobIds[0]
    function Get-Stored([string] $Id) { Get-DqcEmulatorInstance $emulator | Where-Object id -eq $Id }
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Stop-DqcInstance' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'stops N piped instances with one batch-stop request of exact numbers' {
        $runs = $q1, $q1, $q1 | Restart-DqcJob
        Clear-DqcEmulatorRequest $emulator
        $runs | Stop-DqcInstance -Force
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests.Count | Should -Be 1
        $requests[0].path | Should -Be "/v2/$($emulator.ProjectId)/quality/instances/batch-stop"
        $requests[0].body | Should -BeExactly ('[' + ($runs.InstanceId -join ',') + ']')
        $runs | ForEach-Object { (Get-Stored $_.InstanceId).run_status | Should -Be 'FAILED' }
    }

    It 'sends nothing with -WhatIf' {
        $run = Restart-DqcJob $q1
        Clear-DqcEmulatorRequest $emulator
        $run | Stop-DqcInstance -WhatIf
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
        (Get-Stored $run.InstanceId).run_status | Should -Be 'RUNNING'
    }

    It 'turns the 406 for an instance that is not running into DqcNotAcceptable' {
        $run = Restart-DqcJob $q1
        $run | Stop-DqcInstance -Force
        $errors = $null
        $run | Stop-DqcInstance -Force -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcNotAcceptable,DataArtsQuality.Commands.StopDqcInstance'
        $errors[0].Exception.StatusCode | Should -Be 'NotAcceptable'
        $errors[0].TargetObject | Should -Be @($run.InstanceId)
        $errors[0].ToString() | Should -BeLike "*$($run.InstanceId)*not running*"
    }

    It 'has ConfirmImpact High' {
        (Get-Command Stop-DqcInstance).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }
}

Describe 'Add-DqcInstanceRecord' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }

    It 'adds a comment: open true, cancel_run true (do not cancel), the run goes on' {
        $run = Restart-DqcJob $q1
        Clear-DqcEmulatorRequest $emulator
        $record = Add-DqcInstanceRecord $run.InstanceId 'Looking into it'
        $record | Should -BeOfType DataArtsQuality.Models.DqcInstanceRecord
        $record.Action | Should -Be 'Comment'
        $record.RunCancelled | Should -BeFalse
        $record.Message | Should -BeLike '*commented*'
        $r = Get-DqcEmulatorRequest $emulator
        $r.method | Should -Be 'PUT'
        $r.path | Should -Be "/v2/$($emulator.ProjectId)/quality/instances/$($run.InstanceId)"
        $r.body | Should -BeExactly '{"detail":"Looking into it","operator":null,"open":true,"cancel_run":true}'
        (Get-Stored $run.InstanceId).run_status | Should -Be 'RUNNING'
    }

    It 'hands over to another user' {
        $run = Restart-DqcJob $q1
        Clear-DqcEmulatorRequest $emulator
        $record = $run | Add-DqcInstanceRecord -AssignTo 'bob' -Comment 'yours'
        $record.Action | Should -Be 'HandOver'
        (Get-DqcEmulatorRequest $emulator).body | Should -BeExactly '{"detail":"yours","operator":"bob","open":true,"cancel_run":true}'
    }

    It 'closes and cancels the run with -CancelRun: cancel_run false, the documented cancel value' {
        $run = Restart-DqcJob $q1
        Clear-DqcEmulatorRequest $emulator
        $record = Add-DqcInstanceRecord $run.InstanceId -Close -Comment 'false alarm' -CancelRun -Force
        $record.Action | Should -Be 'Close'
        $record.RunCancelled | Should -BeTrue
        (Get-DqcEmulatorRequest $emulator).body | Should -BeExactly '{"detail":"false alarm","operator":null,"open":false,"cancel_run":false}'
        (Get-Stored $run.InstanceId).run_status | Should -Be 'FAILED'
    }

    It 'sends nothing with -WhatIf' {
        $run = Restart-DqcJob $q1
        Clear-DqcEmulatorRequest $emulator
        Add-DqcInstanceRecord $run.InstanceId -Close -CancelRun -WhatIf
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
        (Get-Stored $run.InstanceId).run_status | Should -Be 'RUNNING'
    }

    It 'reports an unknown instance with the instance as target' {
        $errors = $null
        Add-DqcInstanceRecord '1500000000000000002' 'x' -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcBadRequest,DataArtsQuality.Commands.AddDqcInstanceRecord'
        $errors[0].TargetObject | Should -Be '1500000000000000002'
    }
}
