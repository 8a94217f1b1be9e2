# The emulator as users get it: the dotnet tool that build.ps1 test packs into out/package and installs into
# out/emulator-tool (dotnet tool install --tool-path, from out/package only), started the way a user's CI starts it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:toolPath = Join-Path $RepoRoot 'out/emulator-tool'
    $script:tool = Join-Path $toolPath $(if ($IsWindows) { 'dqc-emulator.exe' } else { 'dqc-emulator' })
    $script:version = (Import-PowerShellDataFile (Join-Path $RepoRoot 'DataArtsQuality.psd1')).ModuleVersion
    if (-not (Test-Path $tool)) { throw "$tool is missing: pwsh ./build.ps1 test packs and installs it before Pester runs." }

    $script:qualitySeed = Join-Path $TestDrive 'jobs.json'
    Set-Content $qualitySeed @'
[
  { "id": 1440764172232392713, "name": "orders not null", "outcome": "FAILED", "history": ["FAILED"],
    "schedule_status": "SCHEDULING", "schedule_period": "DAY", "schedule_interval": "1", "level": "MAJOR" },
  { "id": "9007199254740993", "name": "customers_unique" }
]
'@
    $script:comparisonSeed = Join-Path $TestDrive 'comparison-jobs.json'
    Set-Content $comparisonSeed '{ "jobs": [ { "id": 1498000000000000011, "name": "orders_vs_dw" } ] }'

    # Starts the tool and reads the JSON object on its first line; stderr is collected in the background. Like
    # Start-DqcEmulator, it ties the tool to this process (--parent-pid), so a killed test host leaves no emulator behind.
    function Start-EmulatorTool([string[]] $Arguments) {
        $psi = [System.Diagnostics.ProcessStartInfo]::new($tool)
        foreach ($a in @($Arguments) + @('--parent-pid', [string]$PID)) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($psi)
        $stderr = $process.StandardError.ReadToEndAsync()
        $line = $process.StandardOutput.ReadLineAsync()
        if (-not $line.Wait([TimeSpan]::FromSeconds(60)) -or -not $line.Result) {
            try { $process.Kill() } catch { }
            throw "dqc-emulator printed no first line: $($stderr.Result)"
        }
        [pscustomobject]@{ Process = $process; FirstLine = $line.Result; Ready = ($line.Result | ConvertFrom-Json); Stderr = $stderr }
    }

    function Invoke-EmulatorTool([string[]] $Arguments) {
        $psi = [System.Diagnostics.ProcessStartInfo]::new($tool)
        foreach ($a in $Arguments) { $psi.ArgumentList.Add($a) }
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($psi)
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(60000)) { $process.Kill(); throw "dqc-emulator $Arguments did not exit." }
        [pscustomobject]@{ ExitCode = $process.ExitCode; Stdout = $stdout.Result; Stderr = $stderr.Result }
    }

    function Stop-EmulatorTool($Started) {
        if ($Started -and -not $Started.Process.HasExited) { $Started.Process.Kill(); $null = $Started.Process.WaitForExit(10000) }
    }
}

Describe 'The dqc-emulator tool package' {
    It 'was packed into out/package with the module''s version and installed from there' {
        Join-Path $RepoRoot "out/package/DataArtsQuality.Emulator.$version.nupkg" | Should -Exist
        Join-Path $toolPath ".store/dataartsquality.emulator/$version" | Should -Exist
        $result = Invoke-EmulatorTool '--version'
        $result.ExitCode | Should -Be 0
        $result.Stdout.Trim() | Should -Be $version
    }

    It 'holds the tool and nothing of a web site (no web.config, no static web assets manifest)' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead((Join-Path $RepoRoot "out/package/DataArtsQuality.Emulator.$version.nupkg"))
        try { $files = @($zip.Entries.FullName | Where-Object { $_ -like 'tools/*' } | ForEach-Object { Split-Path $_ -Leaf }) }
        finally { $zip.Dispose() }
        $files | Should -Contain 'DataArtsQuality.Emulator.dll'
        $files | Should -Contain 'DotnetToolSettings.xml'
        $files | Where-Object { $_ -eq 'web.config' -or $_ -like '*staticwebassets*' } | Should -BeNullOrEmpty
    }

    It 'installs with the documented --add-source command when the only other feed cannot be reached' {
        # A nuget.config in the working folder that clears the user's feeds and lists one that refuses connections:
        # what a machine without network sees. An exact --version is found in out/package and the dead feed is no obstacle.
        $folder = Join-Path $TestDrive 'offline'
        $null = New-Item -ItemType Directory $folder
        Set-Content (Join-Path $folder 'nuget.config') @'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="unreachable" value="https://127.0.0.1:9/v3/index.json" />
  </packageSources>
</configuration>
'@
        Push-Location $folder
        try {
            $output = & dotnet tool install --tool-path (Join-Path $folder 'tools') DataArtsQuality.Emulator --add-source (Join-Path $RepoRoot 'out/package') --version $version 2>&1 | Out-String
            $LASTEXITCODE | Should -Be 0 -Because $output
        }
        finally {
            Pop-Location
        }
        $installed = Join-Path $folder $(if ($IsWindows) { 'tools/dqc-emulator.exe' } else { 'tools/dqc-emulator' })
        (& $installed --version) | Should -Be $version
    }

    It '--help lists the flags for run time, final status, rate limit, token lifetime, IAM users, AK/SK pairs and faults' {
        $result = Invoke-EmulatorTool '--help'
        $result.ExitCode | Should -Be 0
        foreach ($flag in '--port', '--jobs', '--comparison-jobs', '--instance-run-ms', '--final-status', '--rate-limit',
            '--rate-limit-period-ms', '--token-lifetime-sec', '--user', '--access-key', '--fault', '--faults') {
            $result.Stdout | Should -Match "(?m)^\s+$flag\b"
        }
    }

    It 'exits with code 1 and one message when its port is taken' {
        $taken = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $taken.Start()
        try {
            $result = Invoke-EmulatorTool '--port', ([string]$taken.LocalEndpoint.Port)
            $result.ExitCode | Should -Be 1
            $result.Stdout | Should -BeNullOrEmpty
            $result.Stderr.Trim() | Should -Not -BeNullOrEmpty
        }
        finally { $taken.Stop() }
    }

    It 'refuses an unknown flag with exit code 2 and says where the list is' {
        $result = Invoke-EmulatorTool '--jobz', 'x.json'
        $result.ExitCode | Should -Be 2
        $result.Stderr | Should -BeLike "*Unknown option '--jobz'*--help*"
    }

    It 'refuses a seed file whose <Case>, naming the job and the field' -ForEach @(
        @{ Case = 'id went through a double'; Json = '[{"id": 1.4407641722323927e18, "name": "a"}]'; Message = '*job 0*"id" must be an integer*' }
        @{ Case = 'id does not fit in 64 bits'; Json = '[{"id": 18446744073709551617, "name": "a"}]'; Message = '*job 0*"id"*64 bits*' }
        @{ Case = 'job has no name'; Json = '[{"id": "1440764172232392713"}]'; Message = '*job 0 (1440764172232392713) has no "name"*' }
        @{ Case = 'outcome is unknown'; Json = '[{"id": 5, "name": "a", "outcome": "BROKEN"}]'; Message = '*"outcome" must be one of SUCCESS, ALARMING, FAILED*' }
    ) {
        $file = Join-Path $TestDrive 'bad.json'
        Set-Content $file $Json
        $result = Invoke-EmulatorTool '--port', '0', '--jobs', $file
        $result.ExitCode | Should -Be 2
        $result.Stderr | Should -BeLike $Message
        $result.Stdout | Should -BeNullOrEmpty
    }
}

Describe 'dqc-emulator started with seed files' {
    BeforeAll {
        $script:started = Start-EmulatorTool '--port', '0', '--jobs', $qualitySeed, '--comparison-jobs', $comparisonSeed, '--instance-run-ms', '300'
        $script:ready = $started.Ready
    }
    AfterAll {
        try { Disconnect-DqcWorkspace } catch { }
        Stop-EmulatorTool $started
    }

    It 'prints one JSON object with Endpoint, ProjectId, WorkspaceId and Token as its first line, on loopback' {
        @($ready.PSObject.Properties.Name) | Should -Be 'Endpoint', 'ProjectId', 'WorkspaceId', 'Token'
        $ready.Endpoint | Should -Match '^http://127\.0\.0\.1:\d+$'
        $ready.ProjectId | Should -Match '^[0-9a-f]{32}$'
        $ready.WorkspaceId | Should -Match '^[0-9a-f]{32}$'
        $ready.Token | Should -Not -BeNullOrEmpty
    }

    It 'does not answer on the machine''s other addresses' {
        $port = ([uri] $ready.Endpoint).Port
        $others = @([System.Net.NetworkInformation.NetworkInterface]::GetAllNetworkInterfaces() |
            ForEach-Object { $_.GetIPProperties().UnicastAddresses.Address } |
            Where-Object { $_.AddressFamily -eq 'InterNetwork' -and -not [System.Net.IPAddress]::IsLoopback($_) })
        if (-not $others) { Set-ItResult -Skipped -Because 'this machine has no non-loopback IPv4 address'; return }
        $client = [System.Net.Sockets.TcpClient]::new()
        # Refused at once when nothing listens there; a dropped SYN (a firewall) must not hang the run either.
        try { { if (-not $client.ConnectAsync($others[0], $port).Wait(5000)) { throw 'no answer (dropped)' } } | Should -Throw }
        finally { $client.Dispose() }
    }

    It 'lets the module connect with the printed JSON, lists exactly the seeded jobs and re-runs one' {
        Connect-DqcWorkspace -Endpoint $ready.Endpoint -ProjectId $ready.ProjectId -WorkspaceId $ready.WorkspaceId -Token $ready.Token
        $jobs = @(Get-DqcJob)
        $jobs | ForEach-Object { "$($_.Id)|$($_.Name)" } | Should -Be '1440764172232392713|orders not null', '9007199254740993|customers_unique'
        (Get-DqcComparisonJob).Id | Should -Be '1498000000000000011'
        @(Get-DqcInstance -RunStatus FAILED).RuleId | Should -Be '1440764172232392713'

        $instance = Restart-DqcJob -RuleId 9007199254740993 -Wait -PollIntervalSec 1
        $instance.RuleId | Should -Be '9007199254740993'
        $instance.RunStatus | Should -Be 'SUCCESS'
        $restart = Invoke-RestMethod "$($ready.Endpoint)/_emulator/requests" | ForEach-Object { $_ } | Where-Object path -like '*/instances/restart'
        $restart.body | Should -Match '"rule_id"\s*:\s*"?9007199254740993\b'
        $restart.status | Should -Be 200
    }

    It 'serves the v1 job list without the workspace header (as the official SDKs call it), and the module still sends it' {
        $uri = "$($ready.Endpoint)/v1/$($ready.ProjectId)/quality/rules"
        $answer = Invoke-RestMethod $uri -Headers @{ 'X-Auth-Token' = $ready.Token }
        $answer.data.page_search_result.name | Should -Be 'orders not null', 'customers_unique'
        Invoke-RestMethod -Method Delete "$($ready.Endpoint)/_emulator/requests"
        $null = Get-DqcLegacyJob
        $logged = Invoke-RestMethod "$($ready.Endpoint)/_emulator/requests" | ForEach-Object { $_ } | Where-Object path -like '*/v1/*/quality/rules'
        $logged | Should -Not -BeNullOrEmpty
        $logged | ForEach-Object { $_.headers.workspace | Should -Be $ready.WorkspaceId }
    }

    It 're-seeds through PUT /_emulator/seed and goes back to the sample with DELETE' {
        $body = '{"jobs": [{"id": 1440764172232392721, "name": "seeded later", "outcome": "ALARMING"}]}'
        $counts = Invoke-RestMethod -Method Put "$($ready.Endpoint)/_emulator/seed" -Body $body -ContentType 'application/json'
        $counts.jobs | Should -Be 1
        $counts.comparison_jobs | Should -Be 0
        (Get-DqcJob).Id | Should -Be '1440764172232392721'
        @(Get-DqcComparisonJob).Count | Should -Be 0
        Invoke-RestMethod -Method Delete "$($ready.Endpoint)/_emulator/seed"
        (Get-DqcJob -First 1).Id | Should -Be '1440764172232392705'
    }
}

Describe 'Stopping dqc-emulator' {
    It 'stops cleanly with exit code 0 on <Signal>' -Skip:$IsWindows -ForEach @(
        @{ Signal = 'SIGTERM'; Name = 'TERM' }
        @{ Signal = 'SIGINT (Ctrl+C)'; Name = 'INT' }
    ) {
        $started = Start-EmulatorTool '--port', '0'
        try {
            $null = Invoke-RestMethod "$($started.Ready.Endpoint)/_emulator/info"
            & /usr/bin/env kill "-$Name" $started.Process.Id
            $started.Process.WaitForExit(20000) | Should -BeTrue
            $started.Process.ExitCode | Should -Be 0
            $started.Stderr.Result | Should -Not -Match 'Exception'
        }
        finally {
            Stop-EmulatorTool $started
        }
    }
}
