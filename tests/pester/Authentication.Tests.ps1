# Every way of connecting, end to end on the emulator: IAM password (with token refresh), AK/SK, temporary AK/SK,
# the SDK environment variables; project and workspace lookup; named connections; and no secret in any stream.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--instance-run-ms', '300'
    $script:auth = $emulator.Auth
    $script:q1 = $emulator.QualityJobIds[0]
    $script:EnvNames = 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_PROJECT_ID',
        'HUAWEICLOUD_SDK_IAM_ENDPOINT', 'HUAWEICLOUD_SDK_REGION_DATAARTSSTUDIO_AP_SOUTHEAST_1'
    function script:Clear-SdkEnvironment { foreach ($n in $EnvNames) { Remove-Item "env:$n" -ErrorAction SilentlyContinue } }
    function script:New-PasswordCredential([string] $Password = $auth.password) {
        [pscredential]::new($auth.user_name, (ConvertTo-SecureString $Password -AsPlainText -Force))
    }
    Clear-SdkEnvironment
}

AfterAll {
    Clear-SdkEnvironment
    try { Disconnect-DqcWorkspace -All } catch { }
    Stop-DqcEmulator $emulator
}

Describe 'Connect-DqcWorkspace authentication' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }
    AfterEach { Disconnect-DqcWorkspace -All; Clear-SdkEnvironment }

    It 'logs in with -Credential -DomainName, learns the project from the token and re-runs a job' {
        $context = Connect-DqcWorkspace -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Region $auth.region `
            -WorkspaceId $emulator.WorkspaceId -Credential (New-PasswordCredential) -DomainName $auth.domain_name -PassThru
        $context.AuthenticationType | Should -Be 'Password'
        $context.ProjectId | Should -Be $emulator.ProjectId
        $context.ExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::Now)
        (Restart-DqcJob $q1).InstanceId | Should -Match '^\d{19}$'
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests[0].path | Should -Be '/v3/auth/tokens'
        $requests[-1].headers.'x-auth-token' | Should -BeLike 'MIIEmuT*'
    }

    It 'refuses a wrong password with IAM''s message' {
        { Connect-DqcWorkspace -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Region $auth.region -WorkspaceId $emulator.WorkspaceId `
                -Credential (New-PasswordCredential 'Not-The-Password-42') -DomainName $auth.domain_name } |
            Should -Throw -ErrorId 'DqcAuthenticationFailed,DataArtsQuality.Commands.ConnectDqcWorkspace' -ExpectedMessage '*username or password is wrong*'
    }

    It 'signs with -AccessKey -SecretKey, looks the project up by region, and re-runs a job' {
        Connect-DqcWorkspace -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Region $auth.region -WorkspaceId $emulator.WorkspaceId `
            -AccessKey $auth.access_key -SecretKey $auth.secret_key
        (Get-DqcContext).AuthenticationType | Should -Be 'AkSk'
        (Get-DqcContext).ProjectId | Should -Be $emulator.ProjectId
        (Restart-DqcJob $q1).InstanceId | Should -Match '^\d{19}$'
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests[0].path | Should -Be '/v3/projects'
        $requests[0].query | Should -Be '?name=ap-southeast-1'
        $restart = $requests[-1]
        $restart.status | Should -Be 200
        $restart.headers.authorization | Should -Match '^SDK-HMAC-SHA256 Access=EMULATORAK0000000001, SignedHeaders=host;workspace;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$'
        $restart.headers.'x-sdk-date' | Should -Match '^\d{8}T\d{6}Z$'
        $restart.headers.'x-auth-token' | Should -BeNullOrEmpty
    }

    It 'signs temporary credentials with -SecurityToken' {
        Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId `
            -AccessKey $auth.temporary_access_key -SecretKey $auth.temporary_secret_key -SecurityToken $auth.security_token
        (Get-DqcContext).AuthenticationType | Should -Be 'TemporaryAkSk'
        (Restart-DqcJob $q1).InstanceId | Should -Match '^\d{19}$'
        (Get-DqcEmulatorRequest $emulator)[-1].headers.authorization | Should -Match 'SignedHeaders=host;workspace;x-project-id;x-sdk-date;x-security-token,'
    }

    It 'reads HUAWEICLOUD_SDK_* when no credential is given' {
        $env:HUAWEICLOUD_SDK_AK = $auth.access_key
        $env:HUAWEICLOUD_SDK_SK = $auth.secret_key
        $env:HUAWEICLOUD_SDK_IAM_ENDPOINT = $emulator.Url
        $env:HUAWEICLOUD_SDK_REGION_DATAARTSSTUDIO_AP_SOUTHEAST_1 = $emulator.Url
        Connect-DqcWorkspace -Region ap-southeast-1 -WorkspaceId $emulator.WorkspaceId
        $context = Get-DqcContext
        $context.AuthenticationType | Should -Be 'Environment'
        $context.Endpoint | Should -Be ([uri]$emulator.Url)
        $context.ProjectId | Should -Be $emulator.ProjectId
        (Restart-DqcJob $q1).InstanceId | Should -Match '^\d{19}$'

        $env:HUAWEICLOUD_SDK_PROJECT_ID = $emulator.ProjectId
        $env:HUAWEICLOUD_SDK_AK = $auth.temporary_access_key
        $env:HUAWEICLOUD_SDK_SK = $auth.temporary_secret_key
        $env:HUAWEICLOUD_SDK_SECURITY_TOKEN = $auth.security_token
        Clear-DqcEmulatorRequest $emulator
        Connect-DqcWorkspace -Endpoint $emulator.Url -WorkspaceId $emulator.WorkspaceId
        (Restart-DqcJob $q1).InstanceId | Should -Match '^\d{19}$'
        @(Get-DqcEmulatorRequest $emulator | Where-Object path -eq '/v3/projects').Count | Should -Be 0
    }

    It 'says what it looked for when there is no credential anywhere' {
        $caught = $null
        try { Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'DqcCredentialNotFound,DataArtsQuality.Commands.ConnectDqcWorkspace'
        foreach ($name in '-Token', '-Credential', '-AccessKey', 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_PROJECT_ID') {
            $caught.Exception.Message | Should -BeLike "*$name*"
        }
    }

    It 'finds the project with a token and refuses a region without one' {
        Connect-DqcWorkspace -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Region ap-southeast-1 -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token
        (Get-DqcContext).ProjectId | Should -Be $emulator.ProjectId
        { Connect-DqcWorkspace -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Region eu-nowhere-9 -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token } |
            Should -Throw -ErrorId 'DqcProjectNotFound,DataArtsQuality.Commands.ConnectDqcWorkspace' -ExpectedMessage "*no project named 'eu-nowhere-9'*"
    }
}

Describe 'Clock skew' {
    BeforeAll { $script:skewed = Start-DqcEmulator -ArgumentList '--clock-skew-sec', '1200' }
    AfterAll { try { Disconnect-DqcWorkspace -All } catch { }; Stop-DqcEmulator $skewed }

    It 'reports a signature more than 15 minutes off as an authentication error that says so' {
        # Connecting checks the signature at once ...
        { Connect-DqcWorkspace -Endpoint $skewed.Url -ProjectId $skewed.ProjectId -WorkspaceId $skewed.WorkspaceId -AccessKey $auth.access_key -SecretKey $auth.secret_key } |
            Should -Throw -ErrorId 'DqcAuthenticationFailed,DataArtsQuality.Commands.ConnectDqcWorkspace' -ExpectedMessage '*more than 15 minutes*clock*'
        # ... and a connection made without the check reports it on the first call.
        Connect-DqcWorkspace -Endpoint $skewed.Url -ProjectId $skewed.ProjectId -WorkspaceId $skewed.WorkspaceId -AccessKey $auth.access_key -SecretKey $auth.secret_key -SkipCheck
        $errors = $null
        $out = Restart-DqcJob $q1 -ErrorAction SilentlyContinue -ErrorVariable errors
        $out | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -Be 'DqcAuthenticationFailed,DataArtsQuality.Commands.RestartDqcJob'
        $errors[0].ErrorDetails.Message | Should -BeLike '*more than 15 minutes*clock*'
    }
}

Describe 'Token refresh' {
    BeforeAll { $script:short = Start-DqcEmulator -ArgumentList '--token-lifetime-sec', '5', '--instance-run-ms', '300' }
    AfterAll { try { Disconnect-DqcWorkspace -All } catch { }; Stop-DqcEmulator $short }

    It 'waits 20 seconds for a rerun (Restart-DqcJob -Wait) on 5-second tokens without an authentication error' {
        Connect-DqcWorkspace -Endpoint $short.Url -IamEndpoint $short.Url -Region $auth.region -WorkspaceId $short.WorkspaceId `
            -Credential (New-PasswordCredential) -DomainName $auth.domain_name
        Set-DqcEmulatorConfig $short -InstanceRunMs 20000
        try {
            $errors = $null
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $final = Restart-DqcJob $short.QualityJobIds[0] -Wait -PollIntervalSec 1 -TimeoutSec 60 -ErrorVariable errors -ErrorAction SilentlyContinue
            $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 19   # it really spanned four token lifetimes
        }
        finally {
            Set-DqcEmulatorConfig $short -InstanceRunMs 300
        }
        $errors | Should -BeNullOrEmpty
        $final.RunStatus | Should -BeIn @('SUCCESS', 'ALARMING', 'FAILED')
        (Get-DqcEmulatorAuth $short).tokens_issued | Should -BeGreaterOrEqual 4
        @(Get-DqcEmulatorRequest $short | Where-Object status -eq 401).Count | Should -Be 0
    }

    It 'renews once after the gateway says the token expired' {
        Connect-DqcWorkspace -Endpoint $short.Url -IamEndpoint $short.Url -ProjectId $short.ProjectId -WorkspaceId $short.WorkspaceId `
            -Credential (New-PasswordCredential) -DomainName $auth.domain_name
        Invoke-DqcEmulatorTokenExpiry $short
        Clear-DqcEmulatorRequest $short
        (Restart-DqcJob $q1).InstanceId | Should -Match '^\d{19}$'
        $log = @(Get-DqcEmulatorRequest $short)
        ($log | ForEach-Object { "$($_.status) $($_.path)" }) | Should -Be @(
            "401 /v2/$($short.ProjectId)/quality/instances/restart"
            '201 /v3/auth/tokens'
            "200 /v2/$($short.ProjectId)/quality/instances/restart")
    }
}

Describe 'Workspaces and named connections' {
    BeforeEach { Clear-DqcEmulatorRequest $emulator }
    AfterEach { Disconnect-DqcWorkspace -All }

    It 'lists the workspaces of an instance without sending a workspace header' {
        Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -Token $emulator.Token
        $workspaces = @(Get-DqcWorkspace -InstanceId $auth.instance_id)
        $workspaces.Count | Should -Be 5
        $workspaces[0] | Should -BeOfType DataArtsQuality.Models.DqcWorkspace
        ($workspaces | Where-Object Name -eq 'dqc_prod').WorkspaceId | Should -Be $emulator.WorkspaceId
        (Get-DqcWorkspace -InstanceId $auth.instance_id -Name 'sandbox*').Name | Should -Be @('sandbox_a', 'sandbox_b')
        $requests = @(Get-DqcEmulatorRequest $emulator)
        $requests[0].path | Should -Be "/v1/$($emulator.ProjectId)/workspaces/$($auth.instance_id)"
        $requests | ForEach-Object { $_.headers.PSObject.Properties.Name | Should -Not -Contain 'workspace' }
        { Restart-DqcJob $q1 } | Should -Throw -ErrorId 'DqcNoWorkspace,DataArtsQuality.Commands.RestartDqcJob'
    }

    It 'connects to a workspace by name' {
        Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -Token $emulator.Token -WorkspaceName dqc_analytics -InstanceId $auth.instance_id
        (Get-DqcContext).WorkspaceId | Should -Be $emulator.SecondWorkspaceId
        { Connect-DqcWorkspace -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -Token $emulator.Token -WorkspaceName nope -InstanceId $auth.instance_id } |
            Should -Throw -ErrorId 'DqcWorkspaceNotFound,DataArtsQuality.Commands.ConnectDqcWorkspace' -ExpectedMessage "*no workspace named 'nope'*'dqc_prod'*"
    }

    It 'keeps several connections and lets -Connection choose one by name or object' {
        $prod = Connect-DqcWorkspace -Name prod -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token -PassThru
        Connect-DqcWorkspace -Name analytics -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.SecondWorkspaceId `
            -AccessKey $auth.access_key -SecretKey $auth.secret_key
        $all = @(Get-DqcContext -ListAvailable)
        $all.Name | Should -Be @('analytics', 'prod')
        # A named connection is visible to every runspace of the process.
        ($all | Where-Object Name -eq 'prod').Scope | Should -Be 'Process'
        ($all | Where-Object IsDefault).Name | Should -Be 'analytics'
        (Get-DqcContext -Connection prod).WorkspaceId | Should -Be $emulator.WorkspaceId

        $null = Restart-DqcJob $q1 -Connection prod
        $null = Restart-DqcJob $q1 -Connection $prod -ErrorAction SilentlyContinue
        $null = Restart-DqcJob ((Get-DqcEmulatorInstance $emulator -WorkspaceId $emulator.SecondWorkspaceId)[0].task_id)
        $requests = @(Get-RestartRequest $emulator)   # without the two connect checks
        $requests.headers.workspace | Should -Be @($emulator.WorkspaceId, $emulator.WorkspaceId, $emulator.SecondWorkspaceId)
        $requests[0].headers.'x-auth-token' | Should -Be $emulator.Token
        $requests[2].headers.authorization | Should -BeLike 'SDK-HMAC-SHA256 *'

        { Restart-DqcJob $q1 -Connection staging } | Should -Throw -ErrorId 'DqcConnectionNotFound,DataArtsQuality.Commands.RestartDqcJob' -ExpectedMessage '*analytics, prod*'
        Disconnect-DqcWorkspace -Name prod
        (Get-DqcContext -ListAvailable).Name | Should -Be 'analytics'
        Disconnect-DqcWorkspace -All
        @(Get-DqcContext -ListAvailable).Count | Should -Be 0
    }
}

Describe 'Secrets' {
    It 'appear in no stream, error, context or request log line during a full session under -Verbose and -Debug' {
        $secrets = @($auth.password, $auth.secret_key, $auth.temporary_secret_key, $auth.security_token, 'Wrong-Pa55word-xyz', $emulator.Token)
        $transcript = & {
            $DebugPreference = 'Continue'; $VerbosePreference = 'Continue'; $InformationPreference = 'Continue'; $WarningPreference = 'Continue'
            Connect-DqcWorkspace -Name pw -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Region $auth.region -WorkspaceId $emulator.WorkspaceId `
                -Credential (New-PasswordCredential) -DomainName $auth.domain_name -PassThru -Verbose -Debug
            Restart-DqcJob $q1 -Connection pw -Verbose -Debug
            Invoke-DqcEmulatorTokenExpiry $emulator
            Restart-DqcJob $q1 -Connection pw -Verbose -Debug
            Get-DqcWorkspace -InstanceId $auth.instance_id -Connection pw -Verbose -Debug
            try {
                Connect-DqcWorkspace -Name bad -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Region $auth.region -WorkspaceId $emulator.WorkspaceId `
                    -Credential (New-PasswordCredential 'Wrong-Pa55word-xyz') -DomainName $auth.domain_name -Verbose -Debug
            } catch { $_; $_.Exception.ToString() }
            Connect-DqcWorkspace -Name ak -Endpoint $emulator.Url -IamEndpoint $emulator.Url -Region $auth.region -WorkspaceId $emulator.WorkspaceId `
                -AccessKey $auth.access_key -SecretKey $auth.secret_key -PassThru -Verbose -Debug
            Restart-DqcJob $q1 -Connection ak -Verbose -Debug
            Connect-DqcWorkspace -Name tmp -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId `
                -AccessKey $auth.temporary_access_key -SecretKey $auth.temporary_secret_key -SecurityToken $auth.security_token -Verbose -Debug
            Restart-DqcJob $q1 -Connection tmp -Verbose -Debug
            Restart-DqcJob 1440764172232392704 -Connection tmp -Verbose -Debug   # a 400 error record
            Connect-DqcWorkspace -Name tok -Endpoint $emulator.Url -ProjectId $emulator.ProjectId -WorkspaceId $emulator.WorkspaceId -Token $emulator.Token -Verbose -Debug
            Restart-DqcJob $q1 -Connection tok -Verbose -Debug
            Get-DqcContext -ListAvailable | Format-List * | Out-String
            Get-DqcContext -ListAvailable | ConvertTo-Json -Depth 5
        } *>&1 | Out-String -Width 4096
        $issued = @(Get-DqcEmulatorRequest $emulator | ForEach-Object { $_.headers.'x-auth-token' } | Where-Object { $_ -like 'MIIEmuT*' } | Sort-Object -Unique)
        $issued.Count | Should -BeGreaterOrEqual 2
        $transcript | Should -Match 'HTTP request'          # the debug stream really was captured
        $transcript | Should -Match 'DqcAuthenticationFailed|username or password is wrong'
        foreach ($secret in $secrets + $issued) {
            $transcript.Contains($secret) | Should -BeFalse -Because "the transcript must not contain '$($secret.Substring(0, 6))...'"
            ($Error | Out-String -Width 4096).Contains($secret) | Should -BeFalse
        }
        Disconnect-DqcWorkspace -All
    }
}
