# Docs and code held together both ways: every cmdlet has a page, every parameter and parameter set in code is
# documented and every documented one exists, and the built module's Get-Help shows it.
BeforeDiscovery {
    $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../DataArtsQuality.psd1')
    $script:cmdlets = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:docs = Join-Path $RepoRoot 'docs/en-US'
    $script:common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters |
        Where-Object { $_ -notin 'WhatIf', 'Confirm' }

    function Get-DocParameterName([string] $Path) {
        Select-String -Path $Path -Pattern '^### -(\w+)\s*$' | ForEach-Object { $_.Matches[0].Groups[1].Value }
    }
    function Get-DocSyntaxSetName([string] $Path) {
        $text = Get-Content $Path -Raw
        $syntax = [regex]::Match($text, '(?ms)^## SYNTAX\s*$(.*?)^## ').Groups[1].Value
        [regex]::Matches($syntax, '(?m)^### (\S+)') | ForEach-Object { $_.Groups[1].Value }
    }
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $page = Join-Path $docs "$Name.md"
        $command = Get-Command $Name -Module DataArtsQuality
        # Hidden parameters (DontShow) carry pipeline plumbing, not something a user types: they stay undocumented.
        $documentable = @($command.Parameters.Values | Where-Object {
                $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
            } | ForEach-Object Name)
    }

    It 'has a page in docs/en-US' {
        $page | Should -Exist
    }

    It 'documents every parameter the cmdlet has, and no other' {
        $inCode = @($documentable | Sort-Object)
        $inDocs = @(Get-DocParameterName $page | Sort-Object)
        $inDocs | Should -Be $inCode
    }

    It 'shows every parameter set in SYNTAX' {
        $inCode = @($command.ParameterSets.Name | Sort-Object)
        $inDocs = @(Get-DocSyntaxSetName $page | Sort-Object)
        if ($inCode.Count -eq 1 -and $inCode[0] -eq '__AllParameterSets' -and $inDocs.Count -eq 0) { return }  # one set: a heading is optional
        $inDocs | Should -Be $inCode
    }

    It 'has a synopsis, parameters and an example in Get-Help -Full' {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$Name\s"   # not the auto-generated syntax line
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        $documented = @($help.Parameters.Parameter.Name)
        foreach ($parameter in $documentable) {
            $documented | Should -Contain $parameter
            ($help.Parameters.Parameter | Where-Object Name -eq $parameter).Description.Text | Should -Not -BeNullOrEmpty
        }
    }
}

Describe 'Module help' {
    It 'prints the examples of Restart-DqcJob' {
        $text = Get-Help Restart-DqcJob -Examples | Out-String
        $text | Should -Match 'Example 1'
        $text | Should -Match "'1440764172232392705', '1283480044387540993' \| Restart-DqcJob"
    }

    It 'has the about topic' {
        $outRoot = Join-Path $RepoRoot 'out'
        $saved = $env:PSModulePath
        try {
            $env:PSModulePath = $outRoot + [System.IO.Path]::PathSeparator + $env:PSModulePath
            $about = Get-Help about_DataArtsQuality | Out-String
        }
        finally {
            $env:PSModulePath = $saved
        }
        $about | Should -Match 'SHORT DESCRIPTION'
        $about | Should -Match 'Connect-DqcWorkspace'
    }

    It 'has no problems in the markdown, and its parameter blocks agree with the compiled cmdlets' {
        $tool = Get-ChildItem (Join-Path $RepoRoot 'tools/DataArtsQuality.HelpBuilder/bin') -Recurse -Filter 'DataArtsQuality.HelpBuilder.dll' |
            Where-Object { $_.Directory.Name -eq 'net10.0' } | Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1 -ExpandProperty FullName
        $output = & dotnet $tool check $docs --assembly (Join-Path $RepoRoot 'out/DataArtsQuality/DataArtsQuality.dll') 2>&1 | ForEach-Object { "$_" }
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        @($output | Where-Object { $_ -like 'warning *' }) | Should -BeNullOrEmpty
    }
}

Describe 'The built MAML' {
    BeforeAll {
        $script:mamlPath = Join-Path $RepoRoot 'out/DataArtsQuality/en-US/DataArtsQuality.dll-Help.xml'
        $script:maml = New-Object System.Xml.XmlDocument
        $maml.Load($mamlPath)   # throws if the file is not well-formed XML
        $script:ns = New-Object System.Xml.XmlNamespaceManager $maml.NameTable
        $ns.AddNamespace('msh', 'http://msh')
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        $manifest = Import-PowerShellDataFile (Join-Path $RepoRoot 'DataArtsQuality.psd1')
        $script:exported = @($manifest.CmdletsToExport | Sort-Object)
    }

    It 'is MAML with the platyPS root element' {
        $maml.DocumentElement.LocalName | Should -BeExactly 'helpItems'
        $maml.DocumentElement.NamespaceURI | Should -BeExactly 'http://msh'
        $maml.DocumentElement.GetAttribute('schema') | Should -BeExactly 'maml'
    }

    It 'has exactly one command for every exported cmdlet' {
        $names = @($maml.SelectNodes('/msh:helpItems/command:command/command:details/command:name', $ns) | ForEach-Object InnerText | Sort-Object)
        $names | Should -Be $exported
    }

    It 'has the required elements for every command' {
        foreach ($c in $maml.SelectNodes('/msh:helpItems/command:command', $ns)) {
            $name = $c.SelectSingleNode('command:details/command:name', $ns).InnerText
            $children = @($c.ChildNodes | ForEach-Object { $_.psbase.Name })
            foreach ($required in 'command:details', 'maml:description', 'command:syntax', 'command:parameters', 'command:inputTypes',
                'command:returnValues', 'command:examples', 'command:relatedLinks') {
                $children | Should -Contain $required -Because "$name needs $required"
            }
            $c.SelectSingleNode('command:details/maml:description/maml:para', $ns).InnerText | Should -Not -BeNullOrEmpty -Because "$name needs a synopsis"
            ($c.SelectSingleNode('command:details/command:verb', $ns).InnerText + '-' + $c.SelectSingleNode('command:details/command:noun', $ns).InnerText) |
                Should -BeExactly $name
            $c.SelectNodes('command:syntax/command:syntaxItem', $ns).Count | Should -BeGreaterThan 0 -Because "$name needs SYNTAX"
            $c.SelectNodes('command:examples/command:example/dev:code', $ns).Count | Should -BeGreaterThan 0 -Because "$name needs an example"
        }
    }
}

Describe 'The about topic' {
    BeforeAll {
        $script:aboutText = Get-Content (Join-Path $RepoRoot 'out/DataArtsQuality/en-US/about_DataArtsQuality.help.txt') -Raw
        # The body of one "## Heading" section of the markdown.
        function script:Get-AboutSection([string] $Heading) {
            $text = Get-Content (Join-Path $docs 'about_DataArtsQuality.md') -Raw
            [regex]::Match($text, "(?ms)^## $([regex]::Escape($Heading))\s*`$(.*?)(?=^#{1,2} )").Groups[1].Value
        }
    }

    It 'covers <Heading>, naming <Terms>' -ForEach @(
        @{ Heading = 'Connecting'; Terms = '-Token', '-Credential', '-AccessKey', 'HUAWEICLOUD_SDK_AK', '-Name', '-Connection', 'Get-DqcContext' }
        @{ Heading = 'Pipeline patterns'; Terms = 'Restart-DqcJob', 'Import-Csv', '-ErrorAction Stop', '-WhatIf', 'Get-DqcInstanceResult' }
        @{ Heading = 'IDs'; Terms = '2^53', 'DqcIdLostPrecision', 'DqcIdNotPositive', 'DqcIdOutOfRange', '[uint64]', '[bigint]' }
        @{ Heading = 'Tab completion'; Terms = '-RuleId', '-Name', '60 seconds', '-Region' }
        @{ Heading = 'Rate limits and retries'; Terms = 'Set-DqcConfig', 'Get-DqcConfig', '-RateLimitCount', '-MaximumRetryCount', 'Retry-After', 'DQC_MAX_RETRIES' }
        @{ Heading = 'The emulator'; Terms = 'Start-DqcEmulator', 'docs/emulator.md' }
    ) {
        $section = Get-AboutSection $Heading
        $section | Should -Not -BeNullOrEmpty -Because "about_DataArtsQuality needs a '$Heading' section"
        foreach ($term in $Terms) { $section | Should -BeLike "*$term*" }
        $aboutText | Should -Match ([regex]::Escape($Heading.ToUpperInvariant()) + '|' + [regex]::Escape($Heading))
    }

    It 'says, like Set-DqcConfig and the README, that a 500 is not retried, not even for reads' {
        # The retry policy and its xunit test decide it; the words must not promise a retry.
        foreach ($file in (Join-Path $docs 'about_DataArtsQuality.md'), (Join-Path $docs 'Set-DqcConfig.md'), (Join-Path $RepoRoot 'README.md')) {
            $text = (Get-Content $file -Raw) -replace '\s+', ' '
            $text -match 'A 500 is the service''s own error answer and is (not|never) retried, not even for reads' | Should -BeTrue -Because "$file says so"
            $text -match '(504|timeout), a 500|a 500, (a 504|a timeout)' | Should -BeFalse -Because "$file must not list a 500 with what is retried for reads"
        }
    }

    It 'mentions every exported cmdlet under SEE ALSO' {
        $seeAlso = [regex]::Match((Get-Content (Join-Path $docs 'about_DataArtsQuality.md') -Raw), '(?ms)^# SEE ALSO\s*$(.*)').Groups[1].Value
        $manifest = Import-PowerShellDataFile (Join-Path $RepoRoot 'DataArtsQuality.psd1')
        foreach ($name in $manifest.CmdletsToExport) { $seeAlso | Should -Match "\b$name\b" }
    }
}
