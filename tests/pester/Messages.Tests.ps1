# Error messages that say why, not only in -Verbose.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--quality-jobs', '3', '--comparison-jobs', '1'
    Connect-TestWorkspace $emulator
    $script:q1 = $emulator.QualityJobIds[0]
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'A Retry-After longer than the settings allow' {
    BeforeEach { Clear-DqcEmulatorFault $emulator; Clear-DqcEmulatorRequest $emulator }

    It 'says in the error (<Status>) how long the service asked to wait and what the limit is' -ForEach @(
        @{ Status = 429; ErrorId = 'DqcThrottled' }
        @{ Status = 503; ErrorId = 'DqcServiceError' }
    ) {
        Add-DqcEmulatorFault $emulator -Kind Status -Status $Status -RetryAfter 3600
        $errors = $null
        Restart-DqcJob $q1 -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be "$ErrorId,DataArtsQuality.Commands.RestartDqcJob"
        $errors[0].ToString() | Should -BeLike '*asked to wait 3600 s*the limit is 300 s, see Set-DqcConfig -MaximumRetryAfterSec.'
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 1
    }

    It 'follows the configured limit' {
        try {
            Set-DqcConfig -MaximumRetryAfterSec 60
            Add-DqcEmulatorFault $emulator -Kind Status -Status 429 -RetryAfter 120
            $errors = $null
            $null = Get-DqcJob -First 1 -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].ToString() | Should -BeLike '*asked to wait 120 s*the limit is 60 s*'
        }
        finally { Set-DqcConfig -MaximumRetryAfterSec 300 }
    }

    It 'keeps ordinary errors as they were' {
        $errors = $null
        Restart-DqcJob '1440764172232392704' -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].ToString() | Should -Not -BeLike '*asked to wait*'
    }
}
