BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator
    $script:modulePath = Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.psd1'
}

AfterAll {
    Set-DqcConfig -Reset
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Get-DqcConfig and Set-DqcConfig' {
    AfterEach { Set-DqcConfig -Reset }

    It 'Remove-Module in the session forgets its settings and named connections; a new import starts afresh' {
        # In a separate process: the assembly (and its state) outlives Remove-Module, which is what this checks.
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$modulePath'
Set-DqcConfig -MaximumRetryCount 7
Connect-DqcWorkspace -Endpoint '$($emulator.Url)' -ProjectId $($emulator.ProjectId) -WorkspaceId $($emulator.WorkspaceId) -Token '$($emulator.Token)' -Name kept -SkipCheck
Remove-Module DataArtsQuality
Import-Module '$modulePath'
'retries=' + (Get-DqcConfig).MaximumRetryCount
'named=' + @(Get-DqcContext -ListAvailable | Where-Object Name -eq 'kept').Count
"@
        $env:DQC_MAX_RETRIES = $null
        $output = & (Get-Process -Id $PID).Path -NoProfile -NonInteractive -Command $script 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 0 -Because $output
        $output | Should -Match 'retries=4\b'
        $output | Should -Match 'named=0\b'
    }

    It 'shows the documented defaults' {
        Set-DqcConfig -Reset
        $config = Get-DqcConfig
        $config | Should -BeOfType DataArtsQuality.Models.DqcConfig
        $config.MaximumRetryCount | Should -Be 4
        $config.RetryIntervalSec | Should -Be 1
        $config.TimeoutSec | Should -Be 100
        $config.RateLimitCount | Should -Be 40
        $config.RateLimitPeriodSec | Should -Be 10
        $config.MaximumRetryAfterSec | Should -Be 300
    }

    It 'changes only the given settings, and -PassThru returns them' {
        $config = Set-DqcConfig -MaximumRetryCount 2 -TimeoutSec 7.5 -PassThru
        $config.MaximumRetryCount | Should -Be 2
        $config.TimeoutSec | Should -Be 7.5
        $config.RetryIntervalSec | Should -Be 1
        (Get-DqcConfig).MaximumRetryCount | Should -Be 2
    }

    It 'applies to a connection that is already open' {
        Connect-TestWorkspace $emulator
        Set-DqcConfig -MaximumRetryCount 0 -RetryIntervalSec 0
        Add-DqcEmulatorFault $emulator -Kind Status -Status 503 -Times 2
        $errors = $null
        Restart-DqcJob $emulator.QualityJobIds[0] -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].Exception.Attempts | Should -Be 1
        Set-DqcConfig -MaximumRetryCount 3
        (Restart-DqcJob $emulator.QualityJobIds[0]).RuleId | Should -Be $emulator.QualityJobIds[0]
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a negative retry count'; Params = @{ MaximumRetryCount = -1 } }
        @{ Case = 'a zero timeout'; Params = @{ TimeoutSec = 0 } }
        @{ Case = 'a zero rate-limit period'; Params = @{ RateLimitPeriodSec = 0 } }
    ) {
        { Set-DqcConfig @Params } | Should -Throw -ErrorId 'ParameterArgumentValidationError,DataArtsQuality.Commands.SetDqcConfig'
    }

    It 'changes nothing with -WhatIf' {
        Set-DqcConfig -MaximumRetryCount 9 -WhatIf
        (Get-DqcConfig).MaximumRetryCount | Should -Be 4
    }

    It 'takes its defaults from DQC_* environment variables and warns about unusable ones' {
        # Another pwsh like this one (the dotnet global tool runs as 'dotnet pwsh.dll').
        $pwsh = @(foreach ($c in (Join-Path $PSHOME 'pwsh'), (Join-Path $PSHOME 'pwsh.exe')) { if (Test-Path $c -PathType Leaf) { $c } })
        if (-not $pwsh) { $pwsh = 'dotnet', (Join-Path $PSHOME 'pwsh.dll') }
        $script = "Import-Module '$modulePath'; Get-DqcConfig 3>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.WarningRecord]) { 'WARNING ' + `$_.Message } else { `$_ | ConvertTo-Json -Compress } }"
        $env:DQC_MAX_RETRIES = '7'; $env:DQC_RATE_LIMIT_COUNT = '20'; $env:DQC_TIMEOUT_SEC = 'soon'
        try {
            $lines = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script
        }
        finally { Remove-Item env:DQC_MAX_RETRIES, env:DQC_RATE_LIMIT_COUNT, env:DQC_TIMEOUT_SEC }
        $config = $lines | Where-Object { $_ -like '{*' } | ConvertFrom-Json
        $config.MaximumRetryCount | Should -Be 7
        $config.RateLimitCount | Should -Be 20
        $config.TimeoutSec | Should -Be 100
        $lines | Where-Object { $_ -like 'WARNING *' } | Should -BeLike "*DQC_TIMEOUT_SEC='soon' is ignored*"
    }
}

Describe 'Connect-DqcWorkspace transport options' {
    AfterEach { try { Disconnect-DqcWorkspace } catch { } }

    It 'refuses to send a credential over plain http to another host' {
        { Connect-DqcWorkspace -Endpoint 'http://dqc.example.com' -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token x } |
            Should -Throw -ExpectedMessage '*plain http*unencrypted*-AllowUnencryptedAuthentication*'
    }

    It 'sends through -Proxy (here the emulator standing in for a proxy), with -AllowUnencryptedAuthentication for plain http' {
        Connect-DqcWorkspace -Endpoint 'http://dqc.example.invalid' -Proxy $emulator.Url -AllowUnencryptedAuthentication `
            -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token
        Clear-DqcEmulatorRequest $emulator
        (Restart-DqcJob $emulator.QualityJobIds[0]).InstanceId | Should -Match '^\d{19}$'
        $request = @(Get-DqcEmulatorRequest $emulator)
        $request.Count | Should -Be 1
        $request[0].headers.host | Should -Be 'dqc.example.invalid'
    }

    It 'refuses a proxy that is not an absolute http(s) URL (<Proxy>), without repeating its password' -ForEach @(
        @{ Proxy = 'proxy.example.com'; Shown = 'proxy.example.com' }
        @{ Proxy = 'socks5://alice:s3cret@proxy.example.com:1080'; Shown = 'socks5://proxy.example.com:1080' }
    ) {
        $caught = $null
        try {
            Connect-DqcWorkspace -Endpoint 'https://dqc.example.com' -Proxy $Proxy -ProjectId $emulator.ProjectId `
                -WorkspaceId $emulator.WorkspaceId -Token x -SkipCheck -Name badproxy -ErrorAction Stop
        }
        catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        "$caught" | Should -BeLike "*The proxy '$Shown' is not an absolute http(s) URL*"
        ($caught | Out-String) + $caught.Exception.ToString() | Should -Not -Match 's3cret'
    }

    It 'warns when certificate checks are turned off' {
        $warnings = $null
        Connect-DqcWorkspace -Endpoint 'https://dqc.example.com' -SkipCertificateCheck -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token x -SkipCheck -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings[0].Message | Should -BeLike '*Certificate checks are off*test systems*'
    }
}
