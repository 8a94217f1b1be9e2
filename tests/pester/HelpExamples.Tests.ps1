# Help that cannot go stale: every example in docs/en-US whose text shows output (a table, a value, a What if line)
# is run against the emulator, in a fresh pwsh with the built module, and what it prints must be what the page shows.
#
# How an example is read: in its ```powershell block, lines starting "PS> " (and ">> " continuations) are the code,
# every other non-blank line is output, and an ```output block right after it is output too. An example whose block
# has no "PS> " line is code only and shows no output.
# How it is run: the emulator is reset to its built-in sample before each example. The page's own
# Connect-DqcWorkspace lines (a real region and credentials) are left out; the case's Setup connects to the emulator
# the same way instead (same kind of credential, same names and workspaces). The code's pipeline output is rendered
# with Out-String -Width 80; host output (What if) is what the process writes; $ProgressPreference is SilentlyContinue.
# How it is compared: each line with trailing spaces trimmed, leading and trailing blank lines dropped. Values that
# differ from run to run are normalised by the case's Vary patterns: in each match every digit becomes 0, so the
# column positions, widths and the shape stay the real ones; nothing else is normalised.
BeforeDiscovery {
    $docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $script:examples = foreach ($page in Get-ChildItem $docs -Filter '*.md' | Where-Object Name -notlike 'about_*') {
        $text = (Get-Content $page.FullName -Raw) -replace "`r`n", "`n"
        $section = [regex]::Match($text, '(?ms)^## EXAMPLES\s*$(.*?)^## (?!#)').Groups[1].Value
        foreach ($m in [regex]::Matches($section, '(?ms)^### (?<title>[^\n]*)\n```powershell\n(?<code>.*?)\n```\n(?:```output\n(?<output>.*?)\n```)?')) {
            $lines = $m.Groups['code'].Value -split "`n"
            if (-not ($lines | Where-Object { $_ -like 'PS> *' })) { continue }
            $code = @($lines | Where-Object { $_ -match '^(PS|>)> ' } | ForEach-Object { $_.Substring(4) })
            $output = @($lines | Where-Object { $_ -notmatch '^(PS|>)> ' }) + @(if ($m.Groups['output'].Success) { $m.Groups['output'].Value -split "`n" })
            if (-not ($output | Where-Object { $_.Trim() })) { continue }
            @{ Page = $page.BaseName; Title = $m.Groups['title'].Value; Code = $code; Output = $output }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emulator = Start-DqcEmulator -ArgumentList '--instance-run-ms', '60000'
    $script:module = Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.psd1'
    [string[]] $script:pwsh = if (Test-Path (Join-Path $PSHOME 'pwsh')) { @(Join-Path $PSHOME 'pwsh') } else { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) }

    $connect = 'Connect-DqcWorkspace -Endpoint $e.Url -ProjectId $e.ProjectId -WorkspaceId $e.WorkspaceId -Token $e.Token'
    $instanceId = '\b15\d{17}\b'     # instance IDs the emulator makes at run time
    $clock = '\b\d\d:\d\d:\d\d\b'    # the time a rerun was submitted
    # One entry per example with output, by "Page: Title": Setup (PowerShell run before the code) and Vary, or Skip
    # with the reason it cannot be produced on the emulator.
    $script:cases = @{
        'Get-DqcCategory: Example 1: Show every directory with its path'          = @{ Setup = $connect }
        'Get-DqcCategory: Example 2: Find the category ID of a path'              = @{ Setup = $connect }
        'Get-DqcConfig: Example 1: See the settings a runbook runs with'          = @{ Setup = '' }
        'Get-DqcContext: Example 2: List all connections'                         = @{ Setup = @'
Connect-DqcWorkspace -Name prod -Endpoint $e.Url -IamEndpoint $e.Url -Region $e.Auth.region -WorkspaceId $e.WorkspaceId `
    -Credential ([pscredential]::new($e.Auth.user_name, (ConvertTo-SecureString $e.Auth.password -AsPlainText -Force))) -DomainName $e.Auth.domain_name
Connect-DqcWorkspace -Endpoint $e.Url -IamEndpoint $e.Url -Region $e.Auth.region -WorkspaceId $e.SecondWorkspaceId `
    -AccessKey $e.Auth.access_key -SecretKey (ConvertTo-SecureString $e.Auth.secret_key -AsPlainText -Force)
'@ }
        'Get-DqcReportOverview: Example 1: The technical score of one data connection' = @{ Setup = $connect }
        'Get-DqcWorkspace: Example 1: Find the workspace IDs of an instance'      = @{ Setup = @'
Connect-DqcWorkspace -Endpoint $e.Url -IamEndpoint $e.Url -Region $e.Auth.region -WorkspaceId $e.WorkspaceId `
    -Credential ([pscredential]::new($e.Auth.user_name, (ConvertTo-SecureString $e.Auth.password -AsPlainText -Force))) -DomainName $e.Auth.domain_name
'@ }
        'Remove-DqcRuleTemplate: Example 2: See what would be deleted'            = @{ Setup = $connect }
        'Restart-DqcJob: Example 1: Re-run two quality jobs'                      = @{ Setup = $connect; Vary = $instanceId, $clock }
        'Restart-DqcJob: Example 5: See what would be re-run'                     = @{ Setup = $connect }
    }

    # Lines as compared: trailing spaces trimmed, no leading or trailing blank lines, Vary matches' digits as 0.
    function script:Format-Shown([string[]] $Lines, [string[]] $Vary) {
        $lines = @($Lines | ForEach-Object { $_ -split "`n" } | ForEach-Object { $_.TrimEnd("`r", ' ') })
        foreach ($pattern in @($Vary | Where-Object { $_ })) {
            $lines = @($lines | ForEach-Object { [regex]::Replace($_, $pattern, { param($m) $m.Value -replace '\d', '0' }) })
        }
        $first = 0; while ($first -lt $lines.Count -and -not $lines[$first]) { $first++ }
        $last = $lines.Count - 1; while ($last -ge $first -and -not $lines[$last]) { $last-- }
        if ($first -gt $last) { return , @() }
        , @($lines[$first..$last])
    }

    # Runs the example's code after Setup in a fresh pwsh; returns what it printed.
    function script:Invoke-Example([string] $Setup, [string[]] $Code) {
        Reset-DqcEmulator $emulator
        $info = [ordered]@{ Url = $emulator.Url; ProjectId = $emulator.ProjectId; WorkspaceId = $emulator.WorkspaceId
            SecondWorkspaceId = $emulator.SecondWorkspaceId; Token = $emulator.Token; Auth = $emulator.Auth } | ConvertTo-Json -Compress
        $body = @($Code | Where-Object { $_ -notmatch '^\s*Connect-DqcWorkspace\b' }) -join "`n"
        $script = Join-Path $TestDrive 'example.ps1'
        Set-Content $script @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
`$PSStyle.OutputRendering = 'PlainText'
Import-Module '$module'
`$e = '$($info -replace "'", "''")' | ConvertFrom-Json
$Setup
& {
$body
} | Out-String -Width 80
"@
        $saved = $env:DQC_RATE_LIMIT_DIR
        try {
            $env:DQC_RATE_LIMIT_DIR = Join-Path $TestDrive 'rate-limit'
            $printed = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $script 2>&1 | ForEach-Object { "$_" }
        }
        finally { $env:DQC_RATE_LIMIT_DIR = $saved }
        $LASTEXITCODE | Should -Be 0 -Because ($printed -join "`n")
        $printed
    }
}

AfterAll {
    Stop-DqcEmulator $emulator
}

Describe 'Help examples that show output' {
    It 'has a case or a reasoned skip for every one of them' {
        $missing = @($examples | ForEach-Object { "$($_.Page): $($_.Title)" } | Where-Object { -not $cases.ContainsKey($_) })
        $missing | Should -BeNullOrEmpty -Because 'an example that shows output is run here, or skipped with the reason'
        $stale = @($cases.Keys | Where-Object { $k = $_; -not ($examples | Where-Object { "$($_.Page): $($_.Title)" -eq $k }) })
        $stale | Should -BeNullOrEmpty -Because 'a case names an example that no longer shows output (or was renamed)'
    }

    It '<Page>, <Title>: prints what the page shows' -ForEach $examples {
        $case = $cases["${Page}: $Title"]
        if (-not $case) { Set-ItResult -Skipped -Because 'no case (see the first test)'; return }
        if ($case.Skip) { Set-ItResult -Skipped -Because $case.Skip; return }
        $printed = Invoke-Example $case.Setup $Code
        $actual = Format-Shown $printed $case.Vary
        $expected = Format-Shown $Output $case.Vary
        ($actual -join "`n") | Should -BeExactly ($expected -join "`n") -Because "the page shows:`n$($expected -join "`n")`n`nthe module prints:`n$($actual -join "`n")`n"
    }
}
