BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator
}

AfterAll {
    try { Disconnect-DqcWorkspace } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Connect-DqcWorkspace' {
    AfterEach {
        try { Disconnect-DqcWorkspace } catch { }
    }

    It 'keeps the connection in module state and returns it with -PassThru' {
        $context = Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token -PassThru
        $context | Should -BeOfType DataArtsQuality.Models.DqcContextInfo
        $context.WorkspaceId | Should -Be $emulator.WorkspaceId
        $context.AuthenticationType | Should -Be 'Token'
        (Get-DqcContext).ProjectId | Should -Be $emulator.ProjectId
    }

    It 'accepts the token as a SecureString' {
        $secure = ConvertTo-SecureString $emulator.Token -AsPlainText -Force
        Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $secure
        (Restart-DqcJob -RuleId $emulator.QualityJobIds[0]).InstanceId | Should -Match '^\d{19}$'
    }

    It 'builds the endpoint from -Region' {
        Connect-DqcWorkspace -Region ap-southeast-1 -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token 'x' -SkipCheck
        (Get-DqcContext).Endpoint | Should -Be ([uri]'https://dayu.ap-southeast-1.myhuaweicloud.com')
        (Get-DqcContext).Region | Should -Be 'ap-southeast-1'
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a malformed project ID'; Params = @{ ProjectId = 'not-a-project'; WorkspaceId = '1dd3bc4fa1d44e3b8d4ef1c2a3b4d93f' }; Pattern = '*project ID*32 hexadecimal*' }
        @{ Case = 'an empty workspace ID'; Params = @{ ProjectId = '0833a5737480d53b2f25c010dc1a7b88'; WorkspaceId = '' }; Pattern = '*workspace ID is empty*' }
        @{ Case = 'a malformed workspace ID'; Params = @{ ProjectId = '0833a5737480d53b2f25c010dc1a7b88'; WorkspaceId = '1dd3bc4f-zz' }; Pattern = '*workspace ID*malformed*' }
        @{ Case = 'a bad region'; Params = @{ ProjectId = '0833a5737480d53b2f25c010dc1a7b88'; WorkspaceId = '1dd3bc4fa1d44e3b8d4ef1c2a3b4d93f'; Region = 'Mars!' }; Pattern = '*not a region ID*' }
    ) {
        $p = @{ Token = 'x' } + $Params
        if (-not $p.ContainsKey('Region')) { $p.Endpoint = $emulator.Url }
        { Connect-DqcWorkspace @p } | Should -Throw -ErrorId 'DqcInvalidConnectionParameter,DataArtsQuality.Commands.ConnectDqcWorkspace' -ExpectedMessage $Pattern
        { Get-DqcContext } | Should -Throw -ErrorId 'DqcNotConnected,DataArtsQuality.Commands.GetDqcContext'
    }

    It 'lets -Endpoint win over -Region (keeping the region) and refuses neither' {
        Connect-DqcWorkspace -Endpoint $emulator.Url -Region ap-southeast-1 -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token x -SkipCheck
        (Get-DqcContext).Endpoint | Should -Be ([uri]$emulator.Url)
        (Get-DqcContext).Region | Should -Be 'ap-southeast-1'
        { Connect-DqcWorkspace -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token x } |
            Should -Throw -ExpectedMessage '*-Endpoint*-Region*'
    }
}

Describe 'Get-DqcContext' {
    It 'never shows the token, in any property or format' {
        $token = 'MIIEmulatorToken-not-a-real-secret'
        Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $token -Verbose 4>&1 |
            Out-String | Should -Not -Match ([regex]::Escape($token))
        $context = Get-DqcContext
        ($context | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($token))
        ($context | Format-Table | Out-String) | Should -Not -Match ([regex]::Escape($token))
        ($context | ConvertTo-Json -Depth 5) | Should -Not -Match ([regex]::Escape($token))
        $context.PSObject.Properties.Name | Should -Not -Contain 'Token'
        Disconnect-DqcWorkspace
    }
}

Describe 'Cmdlets before Connect-DqcWorkspace' {
    It '<Command> says to run Connect-DqcWorkspace' -ForEach @(
        @{ Command = 'Restart-DqcJob'; Call = { Restart-DqcJob -RuleId 1440764172232392705 } }
        @{ Command = 'Get-DqcContext'; Call = { Get-DqcContext } }
        @{ Command = 'Disconnect-DqcWorkspace'; Call = { Disconnect-DqcWorkspace } }
    ) {
        $caught = $null
        try { & $Call } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'DqcNotConnected,*'
        $caught.Exception.Message | Should -BeLike '*Run Connect-DqcWorkspace first*'
    }

    It 'reports it once, not once per pipeline item' {
        $Error.Clear()
        $output = try { '1440764172232392705', '1283480044387540993', '1279033542491521025' | Restart-DqcJob } catch { }
        $output | Should -BeNullOrEmpty
        $Error.Count | Should -Be 1
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'DqcNotConnected,*'
    }
}

Describe 'Connect-DqcWorkspace checks the credential and the workspace' {
    BeforeAll {
        $script:auth = $emulator.Auth
        $script:connect = @{ Endpoint = $emulator.Url; ProjectId = $emulator.ProjectId; WorkspaceId = $emulator.WorkspaceId }
    }
    BeforeEach { Clear-DqcEmulatorRequest $emulator }
    AfterEach { Disconnect-DqcWorkspace -All }

    It 'lists the first quality job (one request, limit 1) and keeps the connection' {
        Connect-DqcWorkspace @connect -Token $emulator.Token
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests.Count | Should -Be 1
        $requests[0].method | Should -Be 'GET'
        $requests[0].path | Should -Be "/v2/$($emulator.ProjectId)/quality/quality-tasks"
        ($requests[0] | Get-RequestQuery).limit | Should -Be '1'
        (Get-DqcContext).WorkspaceId | Should -Be $emulator.WorkspaceId
    }

    It 'fails on a wrong token with the gateway code and says what to do; nothing is connected' {
        $e = { Connect-DqcWorkspace @connect -Token 'MIIE-not-the-token' } | Should -Throw -PassThru -ErrorId 'DqcAuthenticationFailed,DataArtsQuality.Commands.ConnectDqcWorkspace'
        $e.ToString() | Should -BeLike '*credentials were refused*APIG.0301*'
        $e.ErrorDetails.RecommendedAction | Should -BeLike '*new token*-SkipCheck*'
        $e.ToString() | Should -Not -Match 'MIIE-not-the-token'
        { Get-DqcContext } | Should -Throw -ErrorId 'DqcNotConnected,DataArtsQuality.Commands.GetDqcContext'
    }

    It 'fails on a wrong secret key and names the keys' {
        $e = { Connect-DqcWorkspace @connect -AccessKey $auth.access_key -SecretKey 'not-the-secret-key-0000000000000000000' } |
            Should -Throw -PassThru -ErrorId 'DqcAuthenticationFailed,DataArtsQuality.Commands.ConnectDqcWorkspace'
        $e.ToString() | Should -BeLike '*APIG.0301*'
        $e.ErrorDetails.RecommendedAction | Should -BeLike '*access key and the secret key*'
        $e.ToString() | Should -Not -Match 'not-the-secret-key'
    }

    It 'fails on a workspace that does not exist with the DQC code and points to Get-DqcWorkspace' {
        $missing = 'ffffffffffffffffffffffffffffffff'
        $e = { Connect-DqcWorkspace @connect -WorkspaceId $missing -Token $emulator.Token } |
            Should -Throw -PassThru -ErrorId 'DqcWorkspaceNotFound,DataArtsQuality.Commands.ConnectDqcWorkspace'
        $e.ToString() | Should -BeLike "*workspace $missing*DQC.4011*"
        $e.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e.ErrorDetails.RecommendedAction | Should -BeLike '*Get-DqcWorkspace*-SkipCheck*'
    }

    It 'connects without any request with -SkipCheck (offline preparation)' {
        Connect-DqcWorkspace @connect -Token 'MIIE-not-the-token' -SkipCheck
        @(Get-DqcEmulatorRequest $emulator).Count | Should -Be 0
        (Get-DqcContext).WorkspaceId | Should -Be $emulator.WorkspaceId
    }

    It 'counts the check against the client-side rate limit like any other call' {
        $saved = Get-DqcConfig
        try {
            Set-DqcConfig -RateLimitCount 2 -RateLimitPeriodSec 2
            Connect-DqcWorkspace @connect -Token $emulator.Token
            $null = Get-DqcJob -First 1
            $null = Get-DqcJob -First 1
            $requests = @(Get-DqcEmulatorRequest $emulator)
            $requests.Count | Should -Be 3
            # The third request had to wait for the first (the check) to leave the 2 s window.
            ([DateTimeOffset]$requests[2].time - [DateTimeOffset]$requests[0].time).TotalMilliseconds | Should -BeGreaterOrEqual 1800
        }
        finally { Set-DqcConfig -RateLimitCount $saved.RateLimitCount -RateLimitPeriodSec $saved.RateLimitPeriodSec }
    }
}
