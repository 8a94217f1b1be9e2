# Tests for tools/DataArtsQuality.HelpBuilder. They never load the real module: the sample pages in
# assets/help document a throwaway script module ("Fake") generated in $TestDrive, which is
# enough to prove that Get-Help really consumes what the builder writes.

BeforeAll {
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:assets = Join-Path $PSScriptRoot 'assets/help'
    # The tool as build.ps1 built it (either configuration; the newest wins).
    $script:helpTool = Get-ChildItem (Join-Path $repoRoot 'tools/DataArtsQuality.HelpBuilder/bin') -Recurse -Filter 'DataArtsQuality.HelpBuilder.dll' |
        Where-Object { $_.Directory.Name -eq 'net10.0' } | Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1 -ExpandProperty FullName
    if (-not $helpTool) { throw 'Build first: tools/DataArtsQuality.HelpBuilder has not been built.' }

    # Runs the tool; Problems are its "error|warning Rule path[:line] [Command]: message" lines.
    function Invoke-HelpTool([string] $Verb, [string] $Docs, [string[]] $More = @()) {
        $lines = @(& dotnet $helpTool $Verb $Docs @More 2>&1 | ForEach-Object { "$_" })
        $exit = $LASTEXITCODE
        $problems = foreach ($l in $lines) {
            if ($l -match '^(error|warning) (\w+) (\S+?)(?::(\d+))?(?: ([A-Za-z]+-[A-Za-z0-9]+))?: (.*)$') {
                [pscustomobject]@{ Severity = (Get-Culture).TextInfo.ToTitleCase($Matches[1]); Rule = $Matches[2]; Path = $Matches[3]
                    Line = [int]('0' + $Matches[4]); Command = $Matches[5]; Message = $Matches[6] }
            }
        }
        [pscustomobject]@{ ExitCode = $exit; Lines = $lines; Problems = @($problems) }
    }
    function Test-HelpMarkdown([string] $Path, [string[]] $More = @()) { (Invoke-HelpTool 'check' $Path $More).Problems }

    $script:ns = New-Object System.Xml.XmlNamespaceManager (New-Object System.Xml.NameTable)
    $ns.AddNamespace('msh', 'http://msh')
    $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
    $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
    $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')

    $script:outDir = Join-Path $TestDrive 'out'
    $script:buildRun = Invoke-HelpTool 'build' $assets @('--out', $outDir)
    $script:mamlFile = Get-Item (Join-Path $outDir 'Fake-help.xml')
    $script:xml = New-Object System.Xml.XmlDocument
    $xml.Load($mamlFile.FullName)

    function Get-Cmd([string]$Name) {
        $xml.SelectSingleNode("/msh:helpItems/command:command[command:details/command:name='$Name']", $ns)
    }
    function Get-SyntaxParam([string]$Command, [int]$Item, [string]$Param) {
        (Get-Cmd $Command).SelectSingleNode("command:syntax/command:syntaxItem[$Item]/command:parameter[maml:name='$Param']", $ns)
    }
    # Copies the sample pages into a fresh folder, with one page edited, for negative tests.
    function New-EditedPages([string]$Page, [string]$Find, [string]$Replace) {
        $dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $dir
        Copy-Item (Join-Path $assets '*.md') $dir
        $file = Join-Path $dir $Page
        # Normalised so the LF-based edits below also work on a CRLF checkout.
        $text = [IO.File]::ReadAllText($file) -replace "`r`n", "`n"
        if (-not $text.Contains($Find)) { throw "Test setup: '$Find' not found in $Page" }
        [IO.File]::WriteAllText($file, $text.Replace($Find, $Replace))
        $dir
    }
}

Describe 'help tool build output' {
    It 'succeeds on the sample pages' {
        $buildRun.ExitCode | Should -Be 0 -Because ($buildRun.Lines -join "`n")
    }

    It 'names the file after the pages'' "external help file" when given a folder' {
        $mamlFile.Name | Should -BeExactly 'Fake-help.xml'
    }

    It 'is well-formed MAML with the platyPS root element' {
        $xml.DocumentElement.LocalName | Should -BeExactly 'helpItems'
        $xml.DocumentElement.NamespaceURI | Should -BeExactly 'http://msh'
        $xml.DocumentElement.GetAttribute('schema') | Should -BeExactly 'maml'
        $xml.FirstChild.NodeType | Should -Be 'XmlDeclaration'
    }

    It 'has one command per schema 2.0.0 page and skips about_*.md and pages without front matter' {
        $names = @($xml.SelectNodes('/msh:helpItems/command:command/command:details/command:name', $ns) | ForEach-Object InnerText)
        $names | Should -Be @('Get-FakeItem', 'Set-FakeItem')
    }

    It '<_> has every element New-ExternalHelp writes' -ForEach @('Get-FakeItem', 'Set-FakeItem') {
        $c = Get-Cmd $_
        $c | Should -Not -BeNullOrEmpty
        foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') {
            $c.GetAttribute("xmlns:$prefix") | Should -Not -BeNullOrEmpty -Because "xmlns:$prefix is declared on command:command"
        }
        # psbase: the XML adapter would return the <command:name> child for .Name
        $children = @($c.ChildNodes | ForEach-Object { $_.psbase.Name })
        $children | Should -Be @('command:details', 'maml:description', 'command:syntax', 'command:parameters',
            'command:inputTypes', 'command:returnValues', 'maml:alertSet', 'command:examples', 'command:relatedLinks')
        $c.SelectSingleNode('command:details/command:verb', $ns).InnerText | Should -BeExactly ($_ -split '-')[0]
        $c.SelectSingleNode('command:details/command:noun', $ns).InnerText | Should -BeExactly 'FakeItem'
        $c.SelectSingleNode('command:details/maml:description/maml:para', $ns).InnerText | Should -Not -BeNullOrEmpty
        $c.SelectNodes('maml:description/maml:para', $ns).Count | Should -BeGreaterThan 0
        $c.SelectNodes('command:examples/command:example/dev:code', $ns).Count | Should -BeGreaterThan 0
    }

    It 'escapes XML special characters and round-trips them' {
        (Get-Cmd 'Get-FakeItem').SelectSingleNode('command:details/maml:description/maml:para', $ns).InnerText |
            Should -BeExactly 'Gets fake items whose size is < 10 & whose name matches.'
        $raw = [IO.File]::ReadAllText($mamlFile.FullName)
        $raw | Should -Match ([regex]::Escape('size is &lt; 10 &amp; whose'))
        (Get-Cmd 'Set-FakeItem').SelectSingleNode('command:examples/command:example/dev:code', $ns).InnerText |
            Should -BeLike "*-Value 'x & y <z>'*"
    }

    It 'turns each markdown paragraph into one maml:para, joining soft-wrapped lines' {
        $paras = @((Get-Cmd 'Get-FakeItem').SelectNodes('maml:description/maml:para', $ns) | ForEach-Object InnerText)
        $paras.Count | Should -Be 2
        $paras[0] | Should -BeLike '*in-memory store. This sentence is on a second source line*'
        $paras[1] | Should -BeLike '*wildcards (https://example.invalid/wildcards) are supported.'
    }

    It 'writes one syntaxItem per parameter set, in SYNTAX order, with (All) and comma-list parameters in each' {
        $items = (Get-Cmd 'Get-FakeItem').SelectNodes('command:syntax/command:syntaxItem', $ns)
        $items.Count | Should -Be 2
        @($items[0].SelectNodes('command:parameter/maml:name', $ns) | ForEach-Object InnerText) | Should -Be @('Name', 'IncludeDeleted', 'Status')
        @($items[1].SelectNodes('command:parameter/maml:name', $ns) | ForEach-Object InnerText) | Should -Be @('Id', 'IncludeDeleted', 'Status')
        $items[0].SelectSingleNode('maml:name', $ns).InnerText | Should -BeExactly 'Get-FakeItem'
    }

    It 'takes required/position/pipelineInput/globbing/aliases from the yaml block of that set' {
        $name = Get-SyntaxParam 'Get-FakeItem' 1 'Name'
        $name.GetAttribute('pipelineInput') | Should -BeExactly 'True (ByPropertyName, ByValue)'
        $name.GetAttribute('position') | Should -BeExactly '0'
        $name.GetAttribute('required') | Should -BeExactly 'false'
        $name.GetAttribute('globbing') | Should -BeExactly 'true'
        $name.GetAttribute('aliases') | Should -BeExactly 'N, ItemName'
        $id = Get-SyntaxParam 'Get-FakeItem' 2 'Id'
        $id.GetAttribute('required') | Should -BeExactly 'true'
        $id.GetAttribute('position') | Should -BeExactly 'named'
        $id.GetAttribute('pipelineInput') | Should -BeExactly 'True (ByPropertyName)'
        (Get-SyntaxParam 'Get-FakeItem' 1 'Status').GetAttribute('aliases') | Should -BeExactly 'none'
    }

    It 'uses the matching yaml block when a parameter has different metadata per set' {
        $byId = Get-SyntaxParam 'Set-FakeItem' 1 'Value'
        $byObject = Get-SyntaxParam 'Set-FakeItem' 2 'Value'
        $byId.GetAttribute('required') | Should -BeExactly 'true'
        $byObject.GetAttribute('required') | Should -BeExactly 'false'
        $byObject.SelectSingleNode('dev:defaultValue', $ns).InnerText | Should -BeExactly '(current value)'
        # the parameters section shows the first block only
        $p = (Get-Cmd 'Set-FakeItem').SelectSingleNode("command:parameters/command:parameter[maml:name='Value']", $ns)
        $p.GetAttribute('required') | Should -BeExactly 'true'
        (Get-Cmd 'Set-FakeItem').SelectNodes("command:parameters/command:parameter[maml:name='Value']", $ns).Count | Should -Be 1
    }

    It 'puts positional parameters first in a syntax item' {
        @((Get-Cmd 'Set-FakeItem').SelectNodes('command:syntax/command:syntaxItem[1]/command:parameter/maml:name', $ns) | ForEach-Object InnerText) |
            Should -Be @('Id', 'PassThru', 'Value', 'Confirm', 'WhatIf')
    }

    It 'writes switches without a value in syntax and with default False' {
        $sw = Get-SyntaxParam 'Get-FakeItem' 1 'IncludeDeleted'
        $sw.SelectSingleNode('command:parameterValue', $ns) | Should -BeNullOrEmpty
        $sw.SelectSingleNode('dev:type/maml:name', $ns).InnerText | Should -BeExactly 'SwitchParameter'
        $sw.SelectSingleNode('dev:defaultValue', $ns).InnerText | Should -BeExactly 'False'
        $inParams = (Get-Cmd 'Get-FakeItem').SelectSingleNode("command:parameters/command:parameter[maml:name='IncludeDeleted']/command:parameterValue", $ns)
        $inParams.GetAttribute('required') | Should -BeExactly 'false'
    }

    It 'writes accepted values as a parameterValueGroup in syntax only, and keeps default values' {
        $status = Get-SyntaxParam 'Get-FakeItem' 1 'Status'
        @($status.SelectNodes('command:parameterValueGroup/command:parameterValue', $ns) | ForEach-Object InnerText) | Should -Be @('Running', 'Failed', 'Any')
        $status.SelectSingleNode('dev:defaultValue', $ns).InnerText | Should -BeExactly 'Any'
        (Get-Cmd 'Get-FakeItem').SelectSingleNode("command:parameters/command:parameter[maml:name='Status']/command:parameterValueGroup", $ns) | Should -BeNullOrEmpty
        (Get-SyntaxParam 'Get-FakeItem' 1 'Name').SelectSingleNode('dev:defaultValue', $ns).InnerText | Should -BeExactly '*'
    }

    It 'ignores the CommonParameters section' {
        (Get-Cmd 'Get-FakeItem').SelectNodes("command:parameters/command:parameter[maml:name='CommonParameters']", $ns).Count | Should -Be 0
        (Get-Cmd 'Get-FakeItem').SelectNodes('command:parameters/command:parameter', $ns).Count | Should -Be 4
    }

    It 'takes example code from the fences (without the fence lines) and remarks from the text after them' {
        $ex = (Get-Cmd 'Get-FakeItem').SelectNodes('command:examples/command:example', $ns)
        $ex.Count | Should -Be 2
        $ex[0].SelectSingleNode('maml:title', $ns).InnerText | Should -Match '^-+ Example 1: Get items by name -+$'
        $ex[0].SelectSingleNode('dev:code', $ns).InnerText | Should -BeExactly "PS> Get-FakeItem -Name 'alpha*' -Status Running"
        $ex[0].SelectSingleNode('dev:remarks/maml:para', $ns).InnerText | Should -BeLike 'This command gets every running item*'
        $code2 = $ex[1].SelectSingleNode('dev:code', $ns).InnerText
        $code2 | Should -BeLike 'PS> 1001, 1002 | ForEach-Object*1001 alpha Running'
        $code2 | Should -Not -Match '```'
        $ex[1].SelectSingleNode('dev:remarks/maml:para', $ns).InnerText | Should -BeLike 'The output block above*'
    }

    It 'writes inputs, outputs and notes' {
        $c = Get-Cmd 'Get-FakeItem'
        @($c.SelectNodes('command:inputTypes/command:inputType/dev:type/maml:name', $ns) | ForEach-Object InnerText) | Should -Be @('System.String[]', 'System.Int64')
        $c.SelectSingleNode('command:returnValues/command:returnValue/dev:type/maml:name', $ns).InnerText | Should -BeExactly 'Fake.FakeItem'
        $c.SelectSingleNode('maml:alertSet/maml:alert/maml:para', $ns).InnerText | Should -BeLike 'Items live only*'
        @((Get-Cmd 'Set-FakeItem').SelectNodes('command:returnValues/command:returnValue', $ns)).Count | Should -Be 2
    }

    It 'puts the online version first and empties the uri of relative links' {
        $links = (Get-Cmd 'Get-FakeItem').SelectNodes('command:relatedLinks/maml:navigationLink', $ns)
        @($links | ForEach-Object { $_.SelectSingleNode('maml:linkText', $ns).InnerText }) | Should -Be @('Online Version:', 'Set-FakeItem', 'Fake project site')
        @($links | ForEach-Object { $_.SelectSingleNode('maml:uri', $ns).InnerText }) | Should -Be @('https://example.invalid/fake/get-fakeitem', '', 'https://example.invalid/fake')
        # no "online version" value -> no Online Version link
        @((Get-Cmd 'Set-FakeItem').SelectNodes('command:relatedLinks/maml:navigationLink/maml:linkText', $ns) | ForEach-Object InnerText) | Should -Be @('Get-FakeItem')
    }

    It 'writes exactly the given file name when --out names an .xml file' {
        $target = [IO.Path]::GetFullPath((Join-Path $TestDrive 'nested/dir/DataArtsQuality.dll-Help.xml'))
        (Invoke-HelpTool 'build' $assets @('--out', $target)).ExitCode | Should -Be 0
        [IO.File]::ReadAllText($target) | Should -BeExactly ([IO.File]::ReadAllText($mamlFile.FullName))
        Join-Path $TestDrive 'nested/dir/about_Fake.help.txt' | Should -Exist
    }

    It 'creates a missing output folder' {
        $folder = Join-Path $TestDrive 'new-folder/en-US'
        (Invoke-HelpTool 'build' $assets @('--out', $folder)).ExitCode | Should -Be 0
        Join-Path $folder 'Fake-help.xml' | Should -Exist
    }

    It 'refuses a page with schema errors instead of writing partial help' {
        $dir = New-EditedPages 'Get-FakeItem.md' 'Accept wildcard characters: True' 'Accept wildcards: True'
        $run = Invoke-HelpTool 'build' $dir @('--out', (Join-Path $dir 'x.xml'))
        $run.ExitCode | Should -Be 1
        $run.Problems.Rule | Should -Contain 'UnknownParameterYamlKey'
        Test-Path (Join-Path $dir 'x.xml') | Should -BeFalse
    }

    It 'answers wrong usage with exit code 2' {
        (Invoke-HelpTool 'build' $assets).ExitCode | Should -Be 2
        (Invoke-HelpTool 'check' (Join-Path $TestDrive 'no-such-folder')).ExitCode | Should -Be 2
    }
}

Describe 'Get-Help reads the generated help' {
    BeforeAll {
        $script:oldModulePath = $env:PSModulePath
        $modRoot = Join-Path $TestDrive 'modules'
        $modDir = Join-Path $modRoot 'Fake'
        $null = New-Item -ItemType Directory -Path (Join-Path $modDir 'en-US') -Force
        Copy-Item $mamlFile.FullName (Join-Path $modDir 'en-US/Fake-help.xml')
        Copy-Item (Join-Path $outDir 'about_Fake.help.txt') (Join-Path $modDir 'en-US')
        # Script functions point at MAML with .ExternalHelp; parameters mirror the sample pages.
        Set-Content -LiteralPath (Join-Path $modDir 'Fake.psm1') -Encoding UTF8 -Value @'
function Get-FakeItem {
    # .ExternalHelp Fake-help.xml
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(ParameterSetName = 'ByName', Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('N', 'ItemName')][SupportsWildcards()][string[]]$Name,
        [Parameter(ParameterSetName = 'ById', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('ItemId')][long]$Id,
        [ValidateSet('Running', 'Failed', 'Any')][string]$Status = 'Any',
        [switch]$IncludeDeleted
    )
}
function Set-FakeItem {
    # .ExternalHelp Fake-help.xml
    [CmdletBinding(DefaultParameterSetName = 'ById', SupportsShouldProcess = $true)]
    param(
        [Parameter(ParameterSetName = 'ById', Mandatory = $true, Position = 0)][long]$Id,
        [Parameter(ParameterSetName = 'ByInputObject', Mandatory = $true, ValueFromPipeline = $true)][psobject]$InputObject,
        [Parameter(ParameterSetName = 'ById', Mandatory = $true)][Parameter(ParameterSetName = 'ByInputObject')][string]$Value,
        [switch]$PassThru
    )
}
function Get-FakeUnhelped {
    # .ExternalHelp Missing-help.xml
    [CmdletBinding()]
    param([string]$Name)
}
'@
        New-ModuleManifest -Path (Join-Path $modDir 'Fake.psd1') -RootModule 'Fake.psm1' -ModuleVersion '1.0.0' `
            -FunctionsToExport 'Get-FakeItem', 'Set-FakeItem', 'Get-FakeUnhelped' -CmdletsToExport @() -AliasesToExport @() -VariablesToExport @()
        $env:PSModulePath = $modRoot + [IO.Path]::PathSeparator + $env:PSModulePath
        $script:fakeModule = Import-Module $modDir -Force -PassThru
    }
    AfterAll {
        if ($script:fakeModule) { Remove-Module $script:fakeModule -Force }
        $env:PSModulePath = $script:oldModulePath
    }

    It 'control: a function whose help file is missing only gets the generated syntax help' {
        $h = Get-Help Get-FakeUnhelped -Full
        $h.Synopsis | Should -Match 'Get-FakeUnhelped'
        $h.examples | Should -BeNullOrEmpty
    }

    It 'Get-Help -Full shows the synopsis, description, parameters and examples' {
        $h = Get-Help Get-FakeItem -Full
        $h.Synopsis | Should -BeExactly 'Gets fake items whose size is < 10 & whose name matches.'
        ($h.description | ForEach-Object Text) -join ' ' | Should -BeLike '*returns fake items from an in-memory store*'
        @($h.parameters.parameter | ForEach-Object name) | Should -Be @('Id', 'IncludeDeleted', 'Name', 'Status')
        @($h.examples.example).Count | Should -Be 2
        @($h.syntax.syntaxItem).Count | Should -Be 2
        $text = $h | Out-String -Width 200
        $text | Should -Match 'One or more item names\. Wildcards are permitted\.'
        $text | Should -Match ([regex]::Escape('Accept pipeline input?       True (ByPropertyName, ByValue)'))
        $text | Should -Match 'Example 1: Get items by name'
        $text | Should -Match 'https://example\.invalid/fake/get-fakeitem'
    }

    It 'Get-Help -Parameter reflects the yaml metadata' {
        $p = Get-Help Set-FakeItem -Parameter InputObject
        $p.pipelineInput | Should -BeExactly 'True (ByValue)'
        $p.required | Should -BeExactly 'true'
    }

    It 'Get-Help -Examples prints the example code and remarks' {
        $text = Get-Help Get-FakeItem -Examples | Out-String -Width 200
        $text | Should -Match ([regex]::Escape("PS> Get-FakeItem -Name 'alpha*' -Status Running"))
        $text | Should -Match ([regex]::Escape('PS> 1001, 1002 | ForEach-Object { Get-FakeItem -Id $_ }'))
        $text | Should -Match 'This command gets every running item'
        $setText = Get-Help Set-FakeItem -Examples | Out-String -Width 200
        $setText | Should -Match ([regex]::Escape("Set-FakeItem -Value 'x & y <z>' -PassThru"))
    }

    It 'finds the about topic in the module''s en-US folder' {
        $text = Get-Help about_Fake | Out-String
        $text | Should -Match 'Describes the Fake test module used to check the help builder\.'
        $text | Should -Match 'LONG DESCRIPTION'
    }
}

Describe 'about topic text' {
    BeforeAll {
        $script:aboutFile = Get-Item (Join-Path $outDir 'about_Fake.help.txt')
        $script:aboutLines = [IO.File]::ReadAllText($aboutFile.FullName) -split "`n"
    }

    It 'names the file after the markdown page with .help.txt' {
        $aboutFile.Name | Should -BeExactly 'about_Fake.help.txt'
    }

    It 'starts with TOPIC and the indented lower-case topic name' {
        $aboutLines[0] | Should -BeExactly 'TOPIC'
        $aboutLines[1] | Should -BeExactly '    about_fake'
        $aboutLines[2] | Should -BeExactly ''
    }

    It 'writes level-1 headings upper-case at column 0 and indents everything else' {
        $aboutLines | Should -Contain 'SHORT DESCRIPTION'
        $aboutLines | Should -Contain 'LONG DESCRIPTION'
        $aboutLines | Should -Contain 'SEE ALSO'
        $aboutLines | Should -Not -Contain '# SHORT DESCRIPTION'
        $i = [array]::IndexOf($aboutLines, 'SHORT DESCRIPTION')
        $aboutLines[$i + 1] | Should -BeExactly '    Describes the Fake test module used to check the help builder.'
    }

    It 'wraps prose at 80 columns without losing words' {
        $code = '*this code line is kept verbatim*'
        $prose = @($aboutLines | Where-Object { $_ -notlike $code })
        ($prose | Measure-Object Length -Maximum).Maximum | Should -BeLessOrEqual 80
        $i = [array]::IndexOf($aboutLines, 'LONG DESCRIPTION')
        $wrapped = @($aboutLines[($i + 1)..($i + 3)])
        $wrapped | ForEach-Object { $_ | Should -Match '^    \S' }
        (($wrapped | ForEach-Object { $_.Trim() }) -join ' ') |
            Should -BeExactly 'The Fake module exists only inside the HelpBuilder tests. This paragraph is deliberately longer than eighty characters so that the text renderer has to wrap it onto several lines, each indented by four spaces.'
    }

    It 'keeps list items on their own lines with a hanging indent' {
        $i = [array]::IndexOf($aboutLines, '    - Items live in memory and disappear when the session ends, which is a long')
        $i | Should -BeGreaterThan 0
        $aboutLines[$i + 1] | Should -BeExactly '      enough bullet to wrap as well.'
        $aboutLines[$i + 2] | Should -BeExactly '    - Nothing is sent over the network.'
    }

    It 'keeps code blocks verbatim, indented, even when long' {
        $aboutLines | Should -Contain "    PS> Get-FakeItem -Name 'alpha*'   # this code line is kept verbatim even though it is quite long, longer than 80"
        $aboutLines | Should -Not -Contain '```powershell'
        $aboutLines | Should -Contain '    - Get-FakeItem'
    }
}

Describe 'help tool check' {
    It 'finds no problems in the sample pages' {
        @(Test-HelpMarkdown $assets) | Should -HaveCount 0
    }

    It 'reports a missing required section' {
        $dir = New-EditedPages 'Set-FakeItem.md' "## DESCRIPTION`nSets the value of an item. Items can be selected by identifier or piped in.`n" ''
        $p = @(Test-HelpMarkdown $dir)
        $p | Should -HaveCount 1
        $p[0].Rule | Should -BeExactly 'MissingSection'
        $p[0].Severity | Should -BeExactly 'Error'
        $p[0].Command | Should -BeExactly 'Set-FakeItem'
        $p[0].Message | Should -Match 'DESCRIPTION'
    }

    It 'reports a SYNTAX parameter that has no PARAMETERS section' {
        $dir = New-EditedPages 'Get-FakeItem.md' 'Get-FakeItem -Id <Int64> [-Status' 'Get-FakeItem -Id <Int64> [-Bogus <String>] [-Status'
        $p = @(Test-HelpMarkdown $dir | Where-Object Rule -eq 'UndocumentedParameter')
        $p | Should -HaveCount 1
        $p[0].Message | Should -Match '-Bogus'
    }

    It 'reports a yaml parameter set that SYNTAX does not list' {
        $dir = New-EditedPages 'Get-FakeItem.md' 'Parameter Sets: ByName, ById' 'Parameter Sets: ByName, ByIdentifier'
        @(Test-HelpMarkdown $dir | ForEach-Object Rule) | Should -Contain 'UnknownParameterSet'
    }

    It 'reports a set whose SYNTAX line disagrees with the yaml' {
        $dir = New-EditedPages 'Get-FakeItem.md' 'Get-FakeItem -Id <Int64> [-Status <String>]' 'Get-FakeItem -Id <Int64>'
        $p = @(Test-HelpMarkdown $dir | Where-Object Rule -eq 'SyntaxSetMismatch')
        $p | Should -HaveCount 1
        $p[0].Message | Should -Match "-Status' in set 'ById'"
    }

    It 'reports an example without code and a parameter without description' {
        $dir = New-EditedPages 'Set-FakeItem.md' "### -PassThru`nReturns the changed item.`n" "### -PassThru`n"
        $p = @(Test-HelpMarkdown $dir)
        @($p | ForEach-Object Rule) | Should -Be @('MissingParameterDescription')
        $dir2 = New-EditedPages 'Get-FakeItem.md' "``````powershell`nPS> Get-FakeItem -Name 'alpha*' -Status Running`n``````" 'Get-FakeItem -Name alpha'
        @(Test-HelpMarkdown $dir2 | ForEach-Object Rule) | Should -Be @('ExampleWithoutCode')
    }

    It 'reports about topics without the required headings' {
        $dir = New-EditedPages 'about_Fake.md' '# SHORT DESCRIPTION' '# SUMMARY'
        $p = @(Test-HelpMarkdown (Join-Path $dir 'about_Fake.md'))
        $p | Should -HaveCount 1
        $p[0].Message | Should -Match 'SHORT DESCRIPTION'
    }
}

Describe 'help tool and the compiled cmdlets' {
    BeforeAll {
        # Binary cmdlets that match the sample pages, and a later version of them that changed.
        function New-FakeAssembly([string] $Namespace, [string] $Body) {
            $path = Join-Path $TestDrive "$Namespace.dll"
            Add-Type -TypeDefinition "using System.Management.Automation;`nnamespace $Namespace {`n$Body`n}" -OutputAssembly $path -OutputType Library
            $path
        }
        $getFakeItem = @'
    [Cmdlet(VerbsCommon.Get, "FakeItem", DefaultParameterSetName = "ByName")]
    public class GetFakeItem : PSCmdlet {
        [Parameter(ParameterSetName = "ByName", Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("N", "ItemName")] [SupportsWildcards]
        public string[] Name { get; set; }
        [Parameter(ParameterSetName = "ById", Mandatory = true, ValueFromPipelineByPropertyName = true)] [Alias("ItemId")]
        public long Id { get; set; }
        [Parameter] [ValidateSet("Running", "Failed", "Any")]
        public string Status { get; set; } = "Any";
        [Parameter] public SwitchParameter IncludeDeleted { get; set; }
        [Parameter(DontShow = true, ValueFromPipelineByPropertyName = true)] public string Plumbing { get; set; }
    }
'@
        $setFakeItem = @'
    [Cmdlet(VerbsCommon.Set, "FakeItem", DefaultParameterSetName = "ById", SupportsShouldProcess = true)]
    public class SetFakeItem : PSCmdlet {
        [Parameter(ParameterSetName = "ById", Mandatory = true, Position = 0)] public long Id { get; set; }
        [Parameter(ParameterSetName = "ByInputObject", Mandatory = true, ValueFromPipeline = true)] public PSObject InputObject { get; set; }
        [Parameter(ParameterSetName = "ById", Mandatory = true)] [Parameter(ParameterSetName = "ByInputObject")] public string Value { get; set; }
        [Parameter] public SwitchParameter PassThru { get; set; }
    }
'@
        $script:fakeDll = New-FakeAssembly 'FakeV1' ($getFakeItem + $setFakeItem)
        # V2: Get-FakeItem lost -IncludeDeleted and gained -Limit; Set-FakeItem is gone; Remove-FakeItem is new.
        $changed = $getFakeItem.Replace('[Parameter] public SwitchParameter IncludeDeleted { get; set; }', '[Parameter] public int Limit { get; set; } = 10;')
        $removeFakeItem = @'
    [Cmdlet(VerbsCommon.Remove, "FakeItem")]
    public class RemoveFakeItem : PSCmdlet { [Parameter(Mandatory = true, Position = 0)] public long Id { get; set; } }
'@
        $script:fakeDllV2 = New-FakeAssembly 'FakeV2' ($changed + $removeFakeItem)
        function Copy-Pages {
            $dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
            $null = New-Item -ItemType Directory -Path $dir
            Copy-Item (Join-Path $assets '*.md') $dir
            $dir
        }
    }

    It 'finds the sample pages in line with the cmdlets' {
        $run = Invoke-HelpTool 'check' $assets @('--assembly', $fakeDll)
        $run.ExitCode | Should -Be 0 -Because ($run.Lines -join "`n")
        $run.Problems | Should -HaveCount 0
    }

    It 'fails when the markdown disagrees with the code, naming the parameter and build.ps1 docs' {
        $dir = New-EditedPages 'Get-FakeItem.md' 'Aliases: N, ItemName' 'Aliases: N'
        $set = Join-Path $dir 'Set-FakeItem.md'
        [IO.File]::WriteAllText($set, ([IO.File]::ReadAllText($set) -replace "`r`n", "`n").Replace('Accept pipeline input: True (ByValue)', 'Accept pipeline input: False'))
        $run = Invoke-HelpTool 'build' $dir @('--assembly', $fakeDll, '--out', (Join-Path $dir 'out'))
        $run.ExitCode | Should -Be 1
        $drift = @($run.Problems | Where-Object Rule -eq 'CodeDrift')
        $drift | Should -HaveCount 2
        ($drift | Where-Object Command -eq 'Get-FakeItem').Message | Should -BeLike "-Name: Aliases is 'N' in the markdown, 'N, ItemName' in the code*build.ps1 docs*"
        ($drift | Where-Object Command -eq 'Set-FakeItem').Message | Should -BeLike "-InputObject: Accept pipeline input is 'False'*'True (ByValue)'*"
        Join-Path $dir 'out' | Should -Not -Exist
    }

    It 'update puts the code''s metadata back and keeps the prose' {
        $dir = New-EditedPages 'Get-FakeItem.md' 'Aliases: N, ItemName' 'Aliases: N'
        $before = Get-Content (Join-Path $dir 'Get-FakeItem.md') -Raw
        $run = Invoke-HelpTool 'update' $dir @('--assembly', $fakeDll)
        $run.ExitCode | Should -Be 0 -Because ($run.Lines -join "`n")
        $after = Get-Content (Join-Path $dir 'Get-FakeItem.md') -Raw
        $after | Should -Match 'Aliases: N, ItemName'
        $after | Should -Match 'One or more item names\. Wildcards are permitted\.'
        $after.Split('## PARAMETERS')[0] | Should -BeExactly $before.Split('## PARAMETERS')[0]
        (Invoke-HelpTool 'check' $dir @('--assembly', $fakeDll)).ExitCode | Should -Be 0
        # A second run changes nothing.
        (Invoke-HelpTool 'update' $dir @('--assembly', $fakeDll)).Lines | Should -Contain '0 page(s) refreshed or created from the code.'
    }

    It 'update adds a new parameter with a placeholder the check refuses, and drops a removed one' {
        $dir = Copy-Pages
        $run = Invoke-HelpTool 'update' $dir @('--assembly', $fakeDllV2)
        $page = Get-Content (Join-Path $dir 'Get-FakeItem.md') -Raw
        $page | Should -Not -Match '### -IncludeDeleted'
        $page | Should -Not -Match '-Plumbing'
        $page | Should -Match '(?s)### -Limit\s+\{\{ Fill Limit Description \}\}\s+```yaml\s+Type: Int32\s+Parameter Sets: \(All\).*?Default value: 10'
        $page | Should -Match ([regex]::Escape('Get-FakeItem [[-Name] <String[]>] [-Status <String>] [-Limit <Int32>] [<CommonParameters>]'))
        $run.ExitCode | Should -Be 1
        $run.Problems.Rule | Should -Contain 'Placeholder'
    }

    It 'update writes a page for a new cmdlet, whose placeholders the check refuses' {
        $dir = Copy-Pages
        $run = Invoke-HelpTool 'update' $dir @('--assembly', $fakeDllV2)
        $run.Lines | Should -Contain "created $(Join-Path $dir 'Remove-FakeItem.md')"
        $page = Get-Content (Join-Path $dir 'Remove-FakeItem.md') -Raw
        $page | Should -Match '(?m)^external help file: Fake-help\.xml$'
        $page | Should -Match ([regex]::Escape('Remove-FakeItem [-Id] <Int64> [<CommonParameters>]'))
        $page | Should -Match '(?s)### -Id\s+\{\{ Fill Id Description \}\}\s+```yaml\s+Type: Int64\s+Parameter Sets: \(All\)\s+Aliases:\s+Required: True\s+Position: 0'
        @($run.Problems | Where-Object Command -eq 'Remove-FakeItem' | ForEach-Object Rule) | Should -Be @('Placeholder')
    }

    It 'reports a cmdlet without a page and a page without a cmdlet' {
        $run = Invoke-HelpTool 'check' (Copy-Pages) @('--assembly', $fakeDllV2)
        ($run.Problems | Where-Object Rule -eq 'MissingPage').Command | Should -Be 'Remove-FakeItem'
        ($run.Problems | Where-Object Rule -eq 'UnknownCommand').Command | Should -Be 'Set-FakeItem'
    }
}
