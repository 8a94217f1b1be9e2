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
        Connect-DqcWorkspace -Region ap-southeast-1 -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token 'x'
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
        Connect-DqcWorkspace -Endpoint $emulator.Url -Region ap-southeast-1 -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token x
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
