#Requires -Version 5.1
<#
    Help generator for the DataArtsQuality module.

    platyPS is not available from our package sources, so this module re-implements the two
    pieces of it the build needs: platyPS 2.0.0 markdown -> MAML (what New-ExternalHelp writes)
    and about-topic markdown -> .help.txt. It also validates the markdown, because Get-Help
    silently ignores a MAML file it cannot use.

    Must keep running on Windows PowerShell 5.1: no ternaries, no ?? / ?., no PS 7-only
    parameters (e.g. -Encoding utf8NoBOM). Files are read and written through .NET so the
    encoding is the same on both editions.

    Lists are created with [List[object]]::new(), never New-Object: in PowerShell 7.6 @() over a
    New-Object-created List[object] throws "Argument types do not match".
#>

Set-StrictMode -Version 3.0

$script:Ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

$script:KnownSections = @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')
$script:RequiredSections = @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS')
$script:YamlKeys = @('Type', 'Parameter Sets', 'Aliases', 'Accepted values', 'Required', 'Position',
    'Default value', 'Accept pipeline input', 'Accept wildcard characters', 'Applicable')
# WhatIf/Confirm are deliberately absent: platyPS documents them as ordinary parameters.
$script:CommonParameterNames = @('Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction',
    'ProgressAction', 'ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable',
    'OutBuffer', 'PipelineVariable')
$script:AllSetsMoniker = '(All)'
$script:DefaultSetSuffix = ' (Default)'
$script:DefaultHelpFileName = 'DataArtsQuality.dll-Help.xml'
$script:AboutWidth = 80
$script:AboutIndent = '    '

#region markdown tokenizer

function New-DqcProblem {
    param(
        [string]$Path, [string]$Command, [ValidateSet('Error', 'Warning')][string]$Severity,
        [string]$Rule, [string]$Message, [int]$Line = 0
    )
    [pscustomobject]@{
        PSTypeName = 'Dqc.HelpProblem'
        Path       = $Path
        Command    = $Command
        Severity   = $Severity
        Rule       = $Rule
        Message    = $Message
        Line       = $Line
    }
}

function Read-DqcMarkdownDocument {
    # Splits a markdown file into front matter and a flat list of heading / code / paragraph
    # blocks. Only the markdown subset platyPS itself understands is recognised.
    param([Parameter(Mandatory)][string]$LiteralPath)

    $text = [System.IO.File]::ReadAllText($LiteralPath, [System.Text.Encoding]::UTF8)
    $lines = $text -replace "`r`n?", "`n" -split "`n"
    $problems = [System.Collections.Generic.List[object]]::new()
    $front = [ordered]@{}
    $hasFront = $false
    $i = 0

    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        $end = -1
        for ($j = 1; $j -lt $lines.Count; $j++) {
            if ($lines[$j].Trim() -eq '---') { $end = $j; break }
        }
        if ($end -gt 0) {
            $hasFront = $true
            for ($j = 1; $j -lt $end; $j++) {
                $m = [regex]::Match($lines[$j], '^\s*([^:#][^:]*?)\s*:\s*(.*?)\s*$')
                if ($m.Success) {
                    $front[$m.Groups[1].Value] = $m.Groups[2].Value.Trim('"', "'")
                }
            }
            $i = $end + 1
        }
    }

    $blocks = [System.Collections.Generic.List[object]]::new()
    $para = $null
    $paraLine = 0
    while ($i -lt $lines.Count) {
        $line = $lines[$i]
        $lineNo = $i + 1
        $fence = [regex]::Match($line, '^(\s{0,3})(`{3,}|~{3,})\s*([^`\s]*)')
        $heading = [regex]::Match($line, '^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$')

        if ($fence.Success -or $heading.Success -or $line.Trim() -eq '') {
            if ($null -ne $para) {
                $blocks.Add([pscustomobject]@{ Kind = 'Paragraph'; Level = 0; Text = ''; Lang = ''; Lines = $para.ToArray(); Line = $paraLine })
                $para = $null
            }
        }

        if ($fence.Success) {
            $indent = $fence.Groups[1].Value.Length
            $marker = $fence.Groups[2].Value
            $closing = '^\s{0,3}' + [regex]::Escape($marker.Substring(0, 1)) + '{' + $marker.Length + ',}\s*$'
            $code = [System.Collections.Generic.List[string]]::new()
            $i++
            $closed = $false
            while ($i -lt $lines.Count) {
                if ($lines[$i] -match $closing) { $closed = $true; break }
                $codeLine = $lines[$i]
                # CommonMark: content is de-indented by the fence's own indentation.
                $k = 0
                while ($k -lt $indent -and $k -lt $codeLine.Length -and $codeLine[$k] -eq ' ') { $k++ }
                $code.Add($codeLine.Substring($k))
                $i++
            }
            if (-not $closed) {
                $problems.Add((New-DqcProblem -Path $LiteralPath -Severity Error -Rule 'UnclosedCodeFence' -Line $lineNo `
                            -Message "Code fence opened on line $lineNo is never closed."))
            }
            $blocks.Add([pscustomobject]@{ Kind = 'Code'; Level = 0; Text = ($code.ToArray() -join "`n"); Lang = $fence.Groups[3].Value; Lines = $code.ToArray(); Line = $lineNo })
            $i++
            continue
        }
        if ($heading.Success) {
            $blocks.Add([pscustomobject]@{ Kind = 'Heading'; Level = $heading.Groups[1].Value.Length; Text = $heading.Groups[2].Value.Trim(); Lang = ''; Lines = @(); Line = $lineNo })
        }
        elseif ($line.Trim() -ne '') {
            if ($null -eq $para) {
                $para = [System.Collections.Generic.List[string]]::new()
                $paraLine = $lineNo
            }
            $para.Add($line)
        }
        $i++
    }
    if ($null -ne $para) {
        $blocks.Add([pscustomobject]@{ Kind = 'Paragraph'; Level = 0; Text = ''; Lang = ''; Lines = $para.ToArray(); Line = $paraLine })
    }

    [pscustomobject]@{
        Path           = $LiteralPath
        HasFrontMatter = $hasFront
        FrontMatter    = $front
        Blocks         = $blocks.ToArray()
        Problems       = $problems
    }
}

function ConvertFrom-DqcInlineMarkdown {
    # Get-Help shows text verbatim, so markdown link syntax and escapes are flattened the
    # way platyPS does it ("text (uri)"); emphasis markers are left alone because they read fine.
    param([string]$Text)
    $t = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)\s]*)\)', {
            param($m)
            $label = $m.Groups[1].Value
            $uri = $m.Groups[2].Value
            if ([string]::IsNullOrWhiteSpace($uri)) { $label } else { "$label ($uri)" }
        })
    $t = [regex]::Replace($t, '\\([\\`*_{}\[\]()#+\-.!<>|])', '$1')
    $t
}

function ConvertTo-DqcLogicalLines {
    # A markdown paragraph soft-wraps, so its source lines are joined; list items and hard
    # breaks (two trailing spaces or a trailing backslash) must stay on lines of their own.
    param([string[]]$Lines)
    $result = [System.Collections.Generic.List[string]]::new()
    $current = $null
    foreach ($raw in $Lines) {
        $hardBreak = ($raw -match '( {2,}|\\)$')
        $trimmed = $raw.Trim()
        if ($trimmed.EndsWith('\') -and $hardBreak) { $trimmed = $trimmed.Substring(0, $trimmed.Length - 1).TrimEnd() }
        $isListItem = $trimmed -match '^([-*+]|\d+[.)])\s+'
        if ($null -ne $current -and -not $isListItem) {
            $current = $current + ' ' + $trimmed
        }
        else {
            if ($null -ne $current) { $result.Add($current) }
            $current = $trimmed
        }
        if ($hardBreak) {
            $result.Add($current)
            $current = $null
        }
    }
    if ($null -ne $current) { $result.Add($current) }
    foreach ($l in $result) { ConvertFrom-DqcInlineMarkdown -Text $l }
}

function ConvertTo-DqcParagraphs {
    # One maml:para per logical line; non-yaml code blocks in prose are kept verbatim.
    param([object[]]$Blocks)
    foreach ($b in $Blocks) {
        switch ($b.Kind) {
            'Paragraph' { ConvertTo-DqcLogicalLines -Lines $b.Lines }
            'Code' { $b.Text }
            'Heading' { $b.Text }
        }
    }
}

function Split-DqcBlocks {
    # Groups blocks under the headings of one level. Blocks before the first such heading
    # are returned as the group with a $null heading.
    param([object[]]$Blocks, [int]$Level)
    $groups = [System.Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Heading = $null; Line = 0; Blocks = ([System.Collections.Generic.List[object]]::new()) }
    foreach ($b in $Blocks) {
        if ($b.Kind -eq 'Heading' -and $b.Level -eq $Level) {
            $groups.Add($current)
            $current = [pscustomobject]@{ Heading = $b.Text; Line = $b.Line; Blocks = ([System.Collections.Generic.List[object]]::new()) }
        }
        else {
            $current.Blocks.Add($b)
        }
    }
    $groups.Add($current)
    $groups.ToArray()
}

#endregion

#region command page model

function ConvertFrom-DqcYamlBlock {
    param([object]$Block, [string]$Path, [string]$Command, [System.Collections.Generic.List[object]]$Problems)
    $map = [ordered]@{}
    $n = 0
    foreach ($l in $Block.Lines) {
        $n++
        if ($l.Trim() -eq '') { continue }
        $m = [regex]::Match($l, '^\s*([^:]+?)\s*:\s*(.*?)\s*$')
        if (-not $m.Success) {
            $Problems.Add((New-DqcProblem -Path $Path -Command $Command -Severity Error -Rule 'InvalidParameterYaml' -Line ($Block.Line + $n) `
                        -Message "Expected 'Key: value' but found '$l'."))
            continue
        }
        $key = $m.Groups[1].Value
        $known = $script:YamlKeys | Where-Object { $_ -eq $key } | Select-Object -First 1
        if (-not $known) {
            $Problems.Add((New-DqcProblem -Path $Path -Command $Command -Severity Error -Rule 'UnknownParameterYamlKey' -Line ($Block.Line + $n) `
                        -Message "Unknown parameter metadata key '$key'."))
            continue
        }
        # platyPS treats an empty value as "not specified", so defaults apply.
        if ($m.Groups[2].Value -ne '') { $map[$known] = $m.Groups[2].Value }
    }
    $map
}

function Split-DqcList {
    param([string]$Value)
    if ([string]::IsNullOrWhiteSpace($Value)) { return @() }
    @($Value -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ -ne '' })
}

function New-DqcParameterVariant {
    # One yaml block = one "variant" of the parameter (platyPS allows several when e.g. a
    # parameter is mandatory in one set and optional in another).
    param([string]$Name, [string[]]$Description, [System.Collections.IDictionary]$Yaml)

    $get = { param($k, $default) if ($Yaml.Contains($k)) { [string]$Yaml[$k] } else { $default } }
    $type = & $get 'Type' ''
    $isSwitch = $type -eq 'SwitchParameter' -or $type -eq 'System.Management.Automation.SwitchParameter'
    if ($isSwitch) { $type = 'SwitchParameter' }
    $aliases = @(Split-DqcList (& $get 'Aliases' '') | Where-Object { $_ -ne 'None' })
    $sets = @(Split-DqcList (& $get 'Parameter Sets' $script:AllSetsMoniker))
    if ($sets.Count -eq 0) { $sets = @($script:AllSetsMoniker) }
    $default = & $get 'Default value' 'None'
    if ($isSwitch -and ($default -eq '' -or $default -eq 'None')) { $default = 'False' }

    [pscustomobject]@{
        Name           = $Name
        Description    = $Description
        Type           = $type
        IsSwitch       = $isSwitch
        Sets           = $sets
        Aliases        = $aliases
        AcceptedValues = @(Split-DqcList (& $get 'Accepted values' ''))
        Required       = ((& $get 'Required' 'false') -eq 'true')
        Position       = (& $get 'Position' 'named').ToLowerInvariant()
        DefaultValue   = $default
        PipelineInput  = (& $get 'Accept pipeline input' 'false')
        Globbing       = ((& $get 'Accept wildcard characters' 'false') -eq 'true')
    }
}

function Get-DqcSyntaxParameterNames {
    # Only "-Name" tokens that start a word count; the command name itself contains a dash.
    param([string]$Code)
    $names = [System.Collections.Generic.List[string]]::new()
    foreach ($m in [regex]::Matches($Code, '(?<=[\s\[])-([A-Za-z_][A-Za-z0-9_]*)')) {
        $n = $m.Groups[1].Value
        if (-not $names.Contains($n)) { $names.Add($n) }
    }
    , $names.ToArray()
}

function ConvertTo-DqcCommandModel {
    # Builds the intermediate model of one command page, collecting schema problems on the way
    # instead of throwing, so Test-DqcHelpMarkdown can report all of them at once.
    param([Parameter(Mandatory)][object]$Document)

    $path = $Document.Path
    $problems = [System.Collections.Generic.List[object]]::new()
    foreach ($p in $Document.Problems) { $problems.Add($p) }

    $blocks = @($Document.Blocks)
    $titleIndex = -1
    for ($k = 0; $k -lt $blocks.Count; $k++) {
        if ($blocks[$k].Kind -eq 'Heading' -and $blocks[$k].Level -eq 1) { $titleIndex = $k; break }
    }
    $name = $null
    if ($titleIndex -lt 0) {
        $problems.Add((New-DqcProblem -Path $path -Severity Error -Rule 'MissingTitle' -Message "No '# <Command-Name>' heading found."))
        $body = @()
    }
    else {
        $name = $blocks[$titleIndex].Text
        $body = @($blocks | Select-Object -Skip ($titleIndex + 1))
    }

    $model = [pscustomobject]@{
        Path                 = $path
        Name                 = $name
        FrontMatter          = $Document.FrontMatter
        SectionNames         = [System.Collections.Generic.List[string]]::new()
        Synopsis             = @()
        Description          = @()
        SyntaxSets           = [System.Collections.Generic.List[object]]::new()
        Parameters           = [System.Collections.Generic.List[object]]::new()
        HasCommonParameters  = $false
        Examples             = [System.Collections.Generic.List[object]]::new()
        Inputs               = [System.Collections.Generic.List[object]]::new()
        Outputs              = [System.Collections.Generic.List[object]]::new()
        Notes                = @()
        Links                = [System.Collections.Generic.List[object]]::new()
        Problems             = $problems
    }
    if (-not $name) { return $model }

    foreach ($b in $body) {
        if ($b.Kind -eq 'Heading' -and $b.Level -eq 1) {
            $problems.Add((New-DqcProblem -Path $path -Command $name -Severity Error -Rule 'ExtraTitle' -Line $b.Line `
                        -Message "Only one '#' heading is allowed per command page; found '$($b.Text)'."))
        }
    }

    $sections = @(Split-DqcBlocks -Blocks ($body | Where-Object { -not ($_.Kind -eq 'Heading' -and $_.Level -eq 1) }) -Level 2)
    foreach ($stray in $sections[0].Blocks) {
        $problems.Add((New-DqcProblem -Path $path -Command $name -Severity Warning -Rule 'ContentOutsideSection' -Line $stray.Line `
                    -Message 'Content before the first ## section is ignored.'))
    }

    foreach ($section in ($sections | Select-Object -Skip 1)) {
        $secName = $section.Heading.ToUpperInvariant()
        $secBlocks = @($section.Blocks)
        if ($script:KnownSections -notcontains $secName) {
            $problems.Add((New-DqcProblem -Path $path -Command $name -Severity Error -Rule 'UnknownSection' -Line $section.Line `
                        -Message "Unknown section '## $($section.Heading)'."))
            continue
        }
        if ($model.SectionNames.Contains($secName)) {
            $problems.Add((New-DqcProblem -Path $path -Command $name -Severity Error -Rule 'DuplicateSection' -Line $section.Line `
                        -Message "Section '## $secName' appears more than once."))
        }
        $model.SectionNames.Add($secName)

        switch ($secName) {
            'SYNOPSIS' { $model.Synopsis = @(ConvertTo-DqcParagraphs -Blocks $secBlocks) }
            'DESCRIPTION' { $model.Description = @(ConvertTo-DqcParagraphs -Blocks $secBlocks) }
            'NOTES' { $model.Notes = @(ConvertTo-DqcParagraphs -Blocks $secBlocks) }
            'SYNTAX' {
                $groups = @(Split-DqcBlocks -Blocks $secBlocks -Level 3)
                $unnamed = @($groups[0].Blocks | Where-Object { $_.Kind -eq 'Code' })
                if ($unnamed.Count -gt 0) {
                    # A syntax block without a set heading is how single-set commands are written.
                    $model.SyntaxSets.Add([pscustomobject]@{ Name = $script:AllSetsMoniker; IsDefault = $true; Code = $unnamed[0].Text
                            ParameterNames = (Get-DqcSyntaxParameterNames -Code $unnamed[0].Text); Line = $unnamed[0].Line })
                }
                foreach ($g in ($groups | Select-Object -Skip 1)) {
                    $setName = $g.Heading
                    $isDefault = $setName.EndsWith($script:DefaultSetSuffix)
                    if ($isDefault) { $setName = $setName.Substring(0, $setName.Length - $script:DefaultSetSuffix.Length).Trim() }
                    $code = @($g.Blocks | Where-Object { $_.Kind -eq 'Code' })
                    $codeText = ''
                    if ($code.Count -eq 0) {
                        $problems.Add((New-DqcProblem -Path $path -Command $name -Severity Error -Rule 'SyntaxWithoutCode' -Line $g.Line `
                                    -Message "Parameter set '$setName' has no syntax code block."))
                    }
                    else { $codeText = $code[0].Text }
                    $model.SyntaxSets.Add([pscustomobject]@{ Name = $setName; IsDefault = $isDefault; Code = $codeText
                            ParameterNames = (Get-DqcSyntaxParameterNames -Code $codeText); Line = $g.Line })
                }
            }
            'PARAMETERS' {
                foreach ($g in (Split-DqcBlocks -Blocks $secBlocks -Level 3 | Select-Object -Skip 1)) {
                    $pName = $g.Heading.TrimStart('-')
                    if ($pName -eq 'CommonParameters') { $model.HasCommonParameters = $true; continue }
                    if ($pName -eq 'WorkflowParameters') { continue }
                    $yamlBlocks = @($g.Blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Lang -eq 'yaml' })
                    $descBlocks = @($g.Blocks | Where-Object { -not ($_.Kind -eq 'Code' -and $_.Lang -eq 'yaml') })
                    $description = @(ConvertTo-DqcParagraphs -Blocks $descBlocks)
                    $variants = [System.Collections.Generic.List[object]]::new()
                    foreach ($y in $yamlBlocks) {
                        $yaml = ConvertFrom-DqcYamlBlock -Block $y -Path $path -Command $name -Problems $problems
                        $variants.Add((New-DqcParameterVariant -Name $pName -Description $description -Yaml $yaml))
                    }
                    if ($variants.Count -eq 0) {
                        $variants.Add((New-DqcParameterVariant -Name $pName -Description $description -Yaml ([ordered]@{})))
                    }
                    $model.Parameters.Add([pscustomobject]@{ Name = $pName; Line = $g.Line; Description = $description
                            YamlCount = $yamlBlocks.Count; Variants = $variants.ToArray() })
                }
            }
            'EXAMPLES' {
                foreach ($g in (Split-DqcBlocks -Blocks $secBlocks -Level 3 | Select-Object -Skip 1)) {
                    $eb = @($g.Blocks)
                    $first = -1
                    for ($k = 0; $k -lt $eb.Count; $k++) { if ($eb[$k].Kind -eq 'Code') { $first = $k; break } }
                    $codeParts = [System.Collections.Generic.List[string]]::new()
                    $remarkBlocks = [System.Collections.Generic.List[object]]::new()
                    if ($first -ge 0) {
                        # Adjacent fences (command + its output) form one code sample, as in platyPS;
                        # prose before the code is kept so it is not lost, ahead of the remarks.
                        $k = $first
                        while ($k -lt $eb.Count -and $eb[$k].Kind -eq 'Code') { $codeParts.Add($eb[$k].Text); $k++ }
                        for ($j = 0; $j -lt $first; $j++) { $remarkBlocks.Add($eb[$j]) }
                        for (; $k -lt $eb.Count; $k++) { $remarkBlocks.Add($eb[$k]) }
                    }
                    else {
                        foreach ($x in $eb) { $remarkBlocks.Add($x) }
                    }
                    $model.Examples.Add([pscustomobject]@{ Title = $g.Heading; Line = $g.Line; HasCode = ($first -ge 0)
                            Code = ($codeParts.ToArray() -join "`n`n"); Remarks = @(ConvertTo-DqcParagraphs -Blocks $remarkBlocks.ToArray()) })
                }
            }
            { $_ -eq 'INPUTS' -or $_ -eq 'OUTPUTS' } {
                $target = $model.Inputs
                if ($secName -eq 'OUTPUTS') { $target = $model.Outputs }
                foreach ($g in (Split-DqcBlocks -Blocks $secBlocks -Level 3 | Select-Object -Skip 1)) {
                    $target.Add([pscustomobject]@{ TypeName = $g.Heading; Description = @(ConvertTo-DqcParagraphs -Blocks $g.Blocks) })
                }
            }
            'RELATED LINKS' {
                foreach ($b in $secBlocks) {
                    if ($b.Kind -ne 'Paragraph') {
                        $problems.Add((New-DqcProblem -Path $path -Command $name -Severity Error -Rule 'InvalidRelatedLink' -Line $b.Line `
                                    -Message 'RELATED LINKS may only contain [text](uri) links.'))
                        continue
                    }
                    $n = 0
                    foreach ($l in $b.Lines) {
                        $n++
                        $t = $l.Trim()
                        $found = [regex]::Matches($t, '\[([^\]]+)\]\(([^)]*)\)')
                        if ($found.Count -gt 0) {
                            foreach ($m in $found) { $model.Links.Add([pscustomobject]@{ Text = $m.Groups[1].Value; Uri = $m.Groups[2].Value.Trim() }) }
                        }
                        elseif ($t -match '^<?(https?://[^>\s]+)>?$') {
                            $model.Links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[1] })
                        }
                        else {
                            $problems.Add((New-DqcProblem -Path $path -Command $name -Severity Error -Rule 'InvalidRelatedLink' -Line ($b.Line + $n - 1) `
                                        -Message "Expected a [text](uri) link but found '$t'."))
                        }
                    }
                }
            }
        }
    }
    $model
}

function Get-DqcSyntaxItems {
    # Rebuilds syntax from the PARAMETERS metadata (as platyPS does); the SYNTAX headings only
    # provide the set names, their order and the default set.
    param([object]$Model)

    $setNames = [System.Collections.Generic.List[string]]::new()
    $hasSet = { param($n) foreach ($s in $setNames) { if ($s -eq $n) { return $true } }; $false }
    foreach ($s in $Model.SyntaxSets) {
        if ($s.Name -ne $script:AllSetsMoniker -and -not (& $hasSet $s.Name)) { $setNames.Add($s.Name) }
    }
    foreach ($p in $Model.Parameters) {
        foreach ($v in $p.Variants) {
            foreach ($s in $v.Sets) {
                if ($s -ne $script:AllSetsMoniker -and -not (& $hasSet $s)) { $setNames.Add($s) }
            }
        }
    }
    if ($setNames.Count -eq 0) { $setNames.Add($script:AllSetsMoniker) }

    foreach ($setName in $setNames) {
        $members = [System.Collections.Generic.List[object]]::new()
        foreach ($p in $Model.Parameters) {
            $match = $null
            $fallback = $null
            foreach ($v in $p.Variants) {
                foreach ($s in $v.Sets) {
                    if ($s -eq $setName -and $null -eq $match) { $match = $v }
                    if ($s -eq $script:AllSetsMoniker -and $null -eq $fallback) { $fallback = $v }
                }
            }
            if ($null -eq $match) { $match = $fallback }
            if ($null -ne $match) { $members.Add($match) }
        }
        # Positional parameters first in numeric order, then named ones in page order.
        # (platyPS sorts the position as a string, which puts 10 before 2; that is a bug.)
        $i = 0
        $sorted = @($members | ForEach-Object {
                $pos = 0
                $isNumber = [int]::TryParse($_.Position, [ref]$pos)
                if (-not $isNumber) { $pos = [int]::MaxValue }
                [pscustomobject]@{ Key = $pos; Index = $i; Item = $_ }
                $i++
            } | Sort-Object Key, Index | ForEach-Object { $_.Item })
        [pscustomobject]@{ Name = $setName; Parameters = $sorted }
    }
}

#endregion

#region MAML writer

function Remove-DqcInvalidXmlChars {
    # XmlWriter refuses control characters; a stray one in markdown must not break the build.
    param([string]$Text)
    if ($null -eq $Text) { return '' }
    [regex]::Replace($Text, '[^\u0009\u000A\u000D\u0020-\uFFFD]', '')
}

function Write-DqcParas {
    param([System.Xml.XmlWriter]$Writer, [string[]]$Paragraphs)
    foreach ($p in $Paragraphs) { $Writer.WriteElementString('para', $script:Ns.maml, (Remove-DqcInvalidXmlChars $p)) }
}

function Write-DqcParameterElement {
    param([System.Xml.XmlWriter]$Writer, [object]$Variant, [switch]$InSyntax)
    $w = $Writer
    $w.WriteStartElement('parameter', $script:Ns.command)
    $w.WriteAttributeString('required', $Variant.Required.ToString().ToLowerInvariant())
    $w.WriteAttributeString('variableLength', 'true')
    $w.WriteAttributeString('globbing', $Variant.Globbing.ToString().ToLowerInvariant())
    $w.WriteAttributeString('pipelineInput', $Variant.PipelineInput)
    $w.WriteAttributeString('position', $Variant.Position)
    $aliases = 'none'
    if ($Variant.Aliases.Count -gt 0) { $aliases = $Variant.Aliases -join ', ' }
    $w.WriteAttributeString('aliases', $aliases)
    $w.WriteElementString('name', $script:Ns.maml, $Variant.Name)
    $w.WriteStartElement('description', $script:Ns.maml)
    Write-DqcParas -Writer $w -Paragraphs $Variant.Description
    $w.WriteEndElement()
    if ($InSyntax -and $Variant.AcceptedValues.Count -gt 0) {
        $w.WriteStartElement('parameterValueGroup', $script:Ns.command)
        foreach ($v in $Variant.AcceptedValues) {
            $w.WriteStartElement('parameterValue', $script:Ns.command)
            $w.WriteAttributeString('required', 'false')
            # Namespaced on purpose: this is what platyPS emits and what existing MAML contains.
            $w.WriteAttributeString('variableLength', $script:Ns.command, 'false')
            $w.WriteString((Remove-DqcInvalidXmlChars $v))
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }
    # Switches carry no value placeholder in syntax, otherwise Get-Help prints "-Force <SwitchParameter>".
    if (-not $InSyntax -or -not $Variant.IsSwitch) {
        $w.WriteStartElement('parameterValue', $script:Ns.command)
        $w.WriteAttributeString('required', (-not $Variant.IsSwitch).ToString().ToLowerInvariant())
        $w.WriteAttributeString('variableLength', 'false')
        $w.WriteString($Variant.Type)
        $w.WriteEndElement()
    }
    $w.WriteStartElement('type', $script:Ns.dev)
    $w.WriteElementString('name', $script:Ns.maml, $Variant.Type)
    $w.WriteStartElement('uri', $script:Ns.maml); $w.WriteEndElement()
    $w.WriteEndElement()
    $w.WriteElementString('defaultValue', $script:Ns.dev, (Remove-DqcInvalidXmlChars $Variant.DefaultValue))
    $w.WriteEndElement()
}

function Format-DqcExampleTitle {
    # Same dash padding as platyPS, so titles look like the ones in PowerShell's own help.
    param([string]$Title)
    if ([string]::IsNullOrWhiteSpace($Title) -or $Title.Length -ge 62) { return $Title }
    $pad = [int][math]::Floor((64 - $Title.Length - 2) / 2)
    ('-' * $pad) + ' ' + $Title + ' ' + ('-' * $pad)
}

function Write-DqcCommandElement {
    param([System.Xml.XmlWriter]$Writer, [object]$Model)
    $w = $Writer
    $name = $Model.Name
    $dash = $name.IndexOf('-')
    if ($dash -ge 0) { $verb = $name.Substring(0, $dash); $noun = $name.Substring($dash + 1) }
    else { $verb = $name; $noun = '' }

    $w.WriteStartElement('command', 'command', $script:Ns.command)
    $w.WriteAttributeString('xmlns', 'maml', $null, $script:Ns.maml)
    $w.WriteAttributeString('xmlns', 'command', $null, $script:Ns.command)
    $w.WriteAttributeString('xmlns', 'dev', $null, $script:Ns.dev)
    $w.WriteAttributeString('xmlns', 'MSHelp', $null, $script:Ns.MSHelp)

    $w.WriteStartElement('details', $script:Ns.command)
    $w.WriteElementString('name', $script:Ns.command, $name)
    $w.WriteElementString('verb', $script:Ns.command, $verb)
    $w.WriteElementString('noun', $script:Ns.command, $noun)
    $w.WriteStartElement('description', $script:Ns.maml)
    Write-DqcParas -Writer $w -Paragraphs $Model.Synopsis
    $w.WriteEndElement()
    $w.WriteEndElement()

    $w.WriteStartElement('description', $script:Ns.maml)
    Write-DqcParas -Writer $w -Paragraphs $Model.Description
    $w.WriteEndElement()

    $w.WriteStartElement('syntax', $script:Ns.command)
    foreach ($item in (Get-DqcSyntaxItems -Model $Model)) {
        $w.WriteStartElement('syntaxItem', $script:Ns.command)
        $w.WriteElementString('name', $script:Ns.maml, $name)
        foreach ($v in $item.Parameters) { Write-DqcParameterElement -Writer $w -Variant $v -InSyntax }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('parameters', $script:Ns.command)
    foreach ($p in $Model.Parameters) { Write-DqcParameterElement -Writer $w -Variant $p.Variants[0] }
    $w.WriteEndElement()

    foreach ($kind in @(@('inputTypes', 'inputType', $Model.Inputs), @('returnValues', 'returnValue', $Model.Outputs))) {
        $w.WriteStartElement($kind[0], $script:Ns.command)
        foreach ($io in $kind[2]) {
            $w.WriteStartElement($kind[1], $script:Ns.command)
            $w.WriteStartElement('type', $script:Ns.dev)
            $w.WriteElementString('name', $script:Ns.maml, (Remove-DqcInvalidXmlChars $io.TypeName))
            $w.WriteEndElement()
            $w.WriteStartElement('description', $script:Ns.maml)
            Write-DqcParas -Writer $w -Paragraphs $io.Description
            $w.WriteEndElement()
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }

    $w.WriteStartElement('alertSet', $script:Ns.maml)
    $w.WriteStartElement('alert', $script:Ns.maml)
    Write-DqcParas -Writer $w -Paragraphs $Model.Notes
    $w.WriteEndElement()
    $w.WriteEndElement()

    $w.WriteStartElement('examples', $script:Ns.command)
    foreach ($e in $Model.Examples) {
        $w.WriteStartElement('example', $script:Ns.command)
        $w.WriteElementString('title', $script:Ns.maml, (Remove-DqcInvalidXmlChars (Format-DqcExampleTitle $e.Title)))
        $w.WriteElementString('code', $script:Ns.dev, (Remove-DqcInvalidXmlChars $e.Code))
        $w.WriteStartElement('remarks', $script:Ns.dev)
        Write-DqcParas -Writer $w -Paragraphs $e.Remarks
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $links = [System.Collections.Generic.List[object]]::new()
    $online = ''
    if ($Model.FrontMatter.Contains('online version')) { $online = [string]$Model.FrontMatter['online version'] }
    if ($online -ne '' -and -not ($Model.Links.Count -gt 0 -and $Model.Links[0].Uri -eq $online)) {
        $links.Add([pscustomobject]@{ Text = 'Online Version:'; Uri = $online })
    }
    foreach ($l in $Model.Links) { $links.Add($l) }
    $w.WriteStartElement('relatedLinks', $script:Ns.command)
    foreach ($l in $links) {
        # Relative links (other markdown pages) mean nothing to Get-Help, and Windows PowerShell
        # chokes on a non-absolute uri, so only the text is kept.
        $uri = ''
        $parsed = $null
        if ([System.Uri]::TryCreate($l.Uri, [System.UriKind]::Absolute, [ref]$parsed) -and $parsed.Scheme -match '^(https?|ftp|mailto)$') { $uri = $l.Uri }
        $w.WriteStartElement('navigationLink', $script:Ns.maml)
        $w.WriteElementString('linkText', $script:Ns.maml, (Remove-DqcInvalidXmlChars $l.Text))
        $w.WriteStartElement('uri', $script:Ns.maml); $w.WriteString($uri); $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteEndElement()
}

function Get-DqcCommandPageFiles {
    param([string]$Folder)
    Get-ChildItem -LiteralPath $Folder -Filter '*.md' -File |
        Where-Object { $_.Name -notlike 'about_*' } |
        Sort-Object Name
}

function Test-DqcIsFolderTarget {
    # A trailing separator lets a build script name a folder that does not exist yet.
    param([string]$Given, [string]$Resolved)
    (Test-Path -LiteralPath $Resolved -PathType Container) -or $Given.EndsWith('/') -or $Given.EndsWith('\')
}

function Test-DqcIsSchema2Page {
    param([object]$Document)
    $Document.HasFrontMatter -and $Document.FrontMatter.Contains('schema') -and $Document.FrontMatter['schema'] -eq '2.0.0'
}

#endregion

function Convert-DqcMarkdownToMaml {
    <#
    .SYNOPSIS
        Converts platyPS 2.0.0 command markdown pages into one MAML help file.
    .DESCRIPTION
        Every *.md in -Path whose front matter says "schema: 2.0.0" becomes one command:command
        element (about_*.md and pages without that front matter are skipped). The output has the
        structure New-ExternalHelp (platyPS 0.14) writes. If -OutputPath is an existing folder,
        the file name comes from the pages' "external help file" key (default
        DataArtsQuality.dll-Help.xml); end -OutputPath with a path separator to name a folder
        that does not exist yet. Pages with schema errors stop the conversion, because
        Get-Help would otherwise silently show incomplete help.
    .EXAMPLE
        Convert-DqcMarkdownToMaml -Path docs/en-US -OutputPath out/DataArtsQuality/en-US/DataArtsQuality.dll-Help.xml
    #>
    [CmdletBinding()]
    [OutputType([System.IO.FileInfo])]
    param(
        [Parameter(Mandatory, Position = 0)][string]$Path,
        [Parameter(Mandatory, Position = 1)][string]$OutputPath
    )

    $folder = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path)
    if (-not (Test-Path -LiteralPath $folder -PathType Container)) { throw "Markdown folder '$folder' does not exist." }

    $models = [System.Collections.Generic.List[object]]::new()
    $helpFileNames = [System.Collections.Generic.List[string]]::new()
    foreach ($file in (Get-DqcCommandPageFiles -Folder $folder)) {
        $doc = Read-DqcMarkdownDocument -LiteralPath $file.FullName
        if (-not (Test-DqcIsSchema2Page $doc)) {
            Write-Verbose "Skipping '$($file.Name)': no 'schema: 2.0.0' front matter."
            continue
        }
        $model = ConvertTo-DqcCommandModel -Document $doc
        $errors = @($model.Problems | Where-Object { $_.Severity -eq 'Error' })
        if ($errors.Count -gt 0) {
            $list = ($errors | ForEach-Object { "  line $($_.Line): [$($_.Rule)] $($_.Message)" }) -join [Environment]::NewLine
            throw "Cannot convert '$($file.FullName)':$([Environment]::NewLine)$list"
        }
        foreach ($warn in $model.Problems) { Write-Warning "$($file.Name): $($warn.Message)" }
        if ($doc.FrontMatter.Contains('external help file') -and $doc.FrontMatter['external help file'] -ne '') {
            if (-not $helpFileNames.Contains($doc.FrontMatter['external help file'])) { $helpFileNames.Add($doc.FrontMatter['external help file']) }
        }
        $models.Add($model)
    }
    if ($models.Count -eq 0) { throw "No 'schema: 2.0.0' command pages found in '$folder'." }
    if ($helpFileNames.Count -gt 1) {
        Write-Warning "Pages name different 'external help file' values ($($helpFileNames -join ', ')); all go into one file."
    }

    $target = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputPath)
    if ((Test-DqcIsFolderTarget $OutputPath $target)) {
        $fileName = $script:DefaultHelpFileName
        if ($helpFileNames.Count -gt 0) { $fileName = $helpFileNames[0] }
        $target = Join-Path $target $fileName
    }
    $dir = Split-Path -Parent $target
    if ($dir -and -not (Test-Path -LiteralPath $dir)) { $null = New-Item -ItemType Directory -Path $dir -Force }

    $settings = New-Object System.Xml.XmlWriterSettings
    $settings.Indent = $true
    $settings.IndentChars = '  '
    # Fixed LF and no BOM: the file is byte-identical on every OS, and XML readers normalise line ends anyway.
    $settings.NewLineChars = "`n"
    $settings.NewLineHandling = [System.Xml.NewLineHandling]::Replace
    $settings.Encoding = New-Object System.Text.UTF8Encoding($false)
    $writer = [System.Xml.XmlWriter]::Create($target, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $script:Ns.msh)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($m in $models) { Write-DqcCommandElement -Writer $writer -Model $m }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally {
        $writer.Dispose()
    }
    Get-Item -LiteralPath $target
}

#region about topics

function Format-DqcWrappedLines {
    param([string]$Text, [int]$Width, [string]$Indent, [string]$HangingIndent = '')
    $words = @($Text -split ' ' | Where-Object { $_ -ne '' })
    $line = ''
    $prefix = $Indent
    foreach ($word in $words) {
        if ($line -eq '') { $line = $word; continue }
        if (($prefix.Length + $line.Length + 1 + $word.Length) -gt $Width) {
            $prefix + $line
            $prefix = $Indent + $HangingIndent
            $line = $word
        }
        else { $line = $line + ' ' + $word }
    }
    if ($line -ne '') { $prefix + $line }
}

function Convert-DqcAboutMarkdownToText {
    <#
    .SYNOPSIS
        Converts a platyPS about-topic markdown page into an about_*.help.txt file.
    .DESCRIPTION
        Follows platyPS's text renderer: the first heading becomes "TOPIC", the "## about_X"
        heading under it the indented, lower-cased topic name, other level-1 headings are
        upper-cased at column 0, prose is indented four spaces and wrapped at 80 columns and
        code blocks are kept verbatim (indented). If -OutputPath is an existing folder (or ends
        with a path separator) the file is named after the markdown file with .help.txt.
    .EXAMPLE
        Convert-DqcAboutMarkdownToText -Path docs/en-US/about_DataArtsQuality.md -OutputPath out/DataArtsQuality/en-US
    #>
    [CmdletBinding()]
    [OutputType([System.IO.FileInfo])]
    param(
        [Parameter(Mandatory, Position = 0)][string]$Path,
        [Parameter(Mandatory, Position = 1)][string]$OutputPath
    )

    $source = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path)
    if (-not (Test-Path -LiteralPath $source -PathType Leaf)) { throw "About markdown '$source' does not exist." }
    $doc = Read-DqcMarkdownDocument -LiteralPath $source
    $blocks = @($doc.Blocks)
    if ($blocks.Count -eq 0 -or $blocks[0].Kind -ne 'Heading') { throw "'$source' must start with a '# about_Topic' heading." }

    $out = [System.Collections.Generic.List[string]]::new()
    $width = $script:AboutWidth
    $ind = $script:AboutIndent
    for ($k = 0; $k -lt $blocks.Count; $k++) {
        $b = $blocks[$k]
        switch ($b.Kind) {
            'Heading' {
                if ($k -eq 0) {
                    $out.Add('TOPIC')
                    # platyPS takes the name from the "## about_X" line; fall back to the title.
                    $next = $null
                    if ($blocks.Count -gt 1) { $next = $blocks[1] }
                    if (-not ($null -ne $next -and $next.Kind -eq 'Heading' -and $next.Level -eq 2)) {
                        $out.Add($ind + $b.Text.ToLowerInvariant()); $out.Add('')
                    }
                }
                elseif ($k -eq 1 -and $b.Level -eq 2) { $out.Add($ind + $b.Text.ToLowerInvariant()); $out.Add('') }
                elseif ($b.Level -eq 1) { $out.Add($b.Text.ToUpperInvariant()) }
                elseif ($b.Level -eq 2) { $out.Add($b.Text) }
                else { $out.Add($ind + $b.Text.ToUpperInvariant()) }
            }
            'Paragraph' {
                foreach ($logical in (ConvertTo-DqcLogicalLines -Lines $b.Lines)) {
                    $hanging = ''
                    $lm = [regex]::Match($logical, '^([-*+]|\d+[.)])\s+')
                    if ($lm.Success) { $hanging = ' ' * $lm.Length }
                    foreach ($wrapped in (Format-DqcWrappedLines -Text $logical -Width $width -Indent $ind -HangingIndent $hanging)) { $out.Add($wrapped) }
                }
                $out.Add('')
            }
            'Code' {
                foreach ($cl in $b.Lines) { $out.Add($ind + $cl) }
                $out.Add('')
            }
        }
    }

    # Same clean-up as platyPS: no trailing blanks, no double empty lines, one final newline.
    $clean = [System.Collections.Generic.List[string]]::new()
    foreach ($l in $out) {
        $t = $l.TrimEnd()
        if ($t -eq '' -and ($clean.Count -eq 0 -or $clean[$clean.Count - 1] -eq '')) { continue }
        $clean.Add($t)
    }
    while ($clean.Count -gt 0 -and $clean[$clean.Count - 1] -eq '') { $clean.RemoveAt($clean.Count - 1) }

    $target = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($OutputPath)
    if ((Test-DqcIsFolderTarget $OutputPath $target)) {
        $base = [System.IO.Path]::GetFileNameWithoutExtension($source)
        if ($base -notlike 'about_*') { $base = 'about_' + $base }
        $target = Join-Path $target ($base + '.help.txt')
    }
    $dir = Split-Path -Parent $target
    if ($dir -and -not (Test-Path -LiteralPath $dir)) { $null = New-Item -ItemType Directory -Path $dir -Force }
    # BOM on purpose: Windows PowerShell 5.1 reads a BOM-less text file as ANSI.
    [System.IO.File]::WriteAllText($target, (($clean.ToArray() -join "`n") + "`n"), (New-Object System.Text.UTF8Encoding($true)))
    Get-Item -LiteralPath $target
}

#endregion

function Test-DqcHelpMarkdown {
    <#
    .SYNOPSIS
        Reports schema problems in platyPS 2.0.0 help markdown.
    .DESCRIPTION
        Returns one Dqc.HelpProblem object (Path, Command, Severity, Rule, Message, Line) per
        problem; nothing means the pages are fine. -Path is a folder or a single .md file.
        Command pages without front matter are not help pages and are skipped. about_*.md
        pages are checked for their required headings.
    .EXAMPLE
        Test-DqcHelpMarkdown -Path docs/en-US | Where-Object Severity -eq Error
    #>
    [CmdletBinding()]
    [OutputType('Dqc.HelpProblem')]
    param([Parameter(Mandatory, Position = 0)][string]$Path)

    $full = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path)
    if (Test-Path -LiteralPath $full -PathType Container) {
        $files = @(Get-ChildItem -LiteralPath $full -Filter '*.md' -File | Sort-Object Name)
    }
    elseif (Test-Path -LiteralPath $full -PathType Leaf) { $files = @(Get-Item -LiteralPath $full) }
    else { throw "'$full' does not exist." }

    foreach ($file in $files) {
        $doc = Read-DqcMarkdownDocument -LiteralPath $file.FullName
        $fp = $file.FullName

        if ($file.Name -like 'about_*') {
            $doc.Problems
            $headings = @($doc.Blocks | Where-Object { $_.Kind -eq 'Heading' } | ForEach-Object { $_.Text.ToUpperInvariant() })
            if ($doc.Blocks.Count -eq 0 -or $doc.Blocks[0].Kind -ne 'Heading') {
                New-DqcProblem -Path $fp -Severity Error -Rule 'MissingTitle' -Message "An about topic must start with a '# about_Topic' heading."
            }
            foreach ($req in @('SHORT DESCRIPTION', 'LONG DESCRIPTION')) {
                if ($headings -notcontains $req) {
                    New-DqcProblem -Path $fp -Severity Error -Rule 'MissingSection' -Message "About topic has no '# $req' heading."
                }
            }
            continue
        }

        if (-not $doc.HasFrontMatter) {
            Write-Verbose "Skipping '$($file.Name)': no front matter, not a command page."
            continue
        }
        $fm = $doc.FrontMatter
        if (-not $fm.Contains('schema')) {
            New-DqcProblem -Path $fp -Severity Error -Rule 'Schema' -Message "Front matter has no 'schema: 2.0.0'; the page would be skipped."
            continue
        }
        if ($fm['schema'] -ne '2.0.0') {
            New-DqcProblem -Path $fp -Severity Error -Rule 'Schema' -Message "Unsupported schema '$($fm['schema'])'; only 2.0.0 is supported."
            continue
        }

        $model = ConvertTo-DqcCommandModel -Document $doc
        $cmd = $model.Name
        $model.Problems
        if (-not $cmd) { continue }

        if (-not $fm.Contains('external help file') -or [string]::IsNullOrWhiteSpace($fm['external help file'])) {
            New-DqcProblem -Path $fp -Command $cmd -Severity Warning -Rule 'MissingExternalHelpFile' -Message "Front matter has no 'external help file'."
        }
        if ($cmd -ne $file.BaseName) {
            New-DqcProblem -Path $fp -Command $cmd -Severity Warning -Rule 'TitleMismatch' -Message "Title '$cmd' does not match the file name '$($file.BaseName)'."
        }
        if ($cmd -notmatch '^[A-Za-z]+-[A-Za-z0-9]+$') {
            New-DqcProblem -Path $fp -Command $cmd -Severity Warning -Rule 'NotVerbNoun' -Message "Title '$cmd' is not a Verb-Noun command name."
        }

        foreach ($req in $script:RequiredSections) {
            if (-not $model.SectionNames.Contains($req)) {
                New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'MissingSection' -Message "Required section '## $req' is missing."
            }
        }
        $order = @($model.SectionNames | ForEach-Object { [array]::IndexOf($script:KnownSections, $_) })
        for ($k = 1; $k -lt $order.Count; $k++) {
            if ($order[$k] -lt $order[$k - 1]) {
                New-DqcProblem -Path $fp -Command $cmd -Severity Warning -Rule 'SectionOrder' -Message "Section '## $($model.SectionNames[$k])' is out of the platyPS order ($($script:KnownSections -join ', '))."
                break
            }
        }

        $texts = @{ SYNOPSIS = $model.Synopsis; DESCRIPTION = $model.Description }
        foreach ($key in @('SYNOPSIS', 'DESCRIPTION')) {
            if ($model.SectionNames.Contains($key) -and (($texts[$key] -join '').Trim() -eq '')) {
                New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'EmptySection' -Message "Section '## $key' is empty."
            }
        }
        $allText = @($model.Synopsis) + @($model.Description) + @($model.Notes) +
            @($model.Examples | ForEach-Object { $_.Title; $_.Code; $_.Remarks }) +
            @($model.Parameters | ForEach-Object { $_.Description })
        if ((@($allText) -join "`n") -match '\{\{.*?\}\}') {
            New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'Placeholder' -Message "Page still contains a platyPS placeholder ('$($Matches[0])')."
        }

        if ($model.SectionNames.Contains('EXAMPLES') -and $model.Examples.Count -eq 0) {
            New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'NoExamples' -Message "'## EXAMPLES' has no '### Example' entries."
        }
        foreach ($e in $model.Examples) {
            if (-not $e.HasCode) {
                New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'ExampleWithoutCode' -Line $e.Line -Message "Example '$($e.Title)' has no code block."
            }
        }

        $defaults = @($model.SyntaxSets | Where-Object { $_.IsDefault -and $_.Name -ne $script:AllSetsMoniker })
        if ($defaults.Count -gt 1) {
            New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'MultipleDefaultSets' -Message "More than one parameter set is marked (Default): $(($defaults | ForEach-Object Name) -join ', ')."
        }

        $documented = @{}
        foreach ($p in $model.Parameters) {
            if ($documented.ContainsKey($p.Name)) {
                New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'DuplicateParameter' -Line $p.Line -Message "Parameter '-$($p.Name)' is documented twice."
            }
            $documented[$p.Name] = $p
            if ($p.YamlCount -eq 0) {
                New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'MissingParameterYaml' -Line $p.Line -Message "Parameter '-$($p.Name)' has no yaml metadata block."
            }
            elseif (@($p.Variants | Where-Object { $_.Type -eq '' }).Count -gt 0) {
                New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'MissingParameterType' -Line $p.Line -Message "Parameter '-$($p.Name)' has no 'Type'."
            }
            if ((($p.Description -join '').Trim()) -eq '') {
                New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'MissingParameterDescription' -Line $p.Line -Message "Parameter '-$($p.Name)' has no description."
            }
        }

        $namedSets = @($model.SyntaxSets | Where-Object { $_.Name -ne $script:AllSetsMoniker } | ForEach-Object Name)
        $inSyntax = @{}
        foreach ($s in $model.SyntaxSets) {
            foreach ($n in $s.ParameterNames) {
                $inSyntax[$n] = $true
                if ($script:CommonParameterNames -contains $n) { continue }
                if (-not $documented.ContainsKey($n)) {
                    New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'UndocumentedParameter' -Line $s.Line -Message "Parameter '-$n' appears in SYNTAX but has no '### -$n' section."
                }
            }
        }
        foreach ($p in $model.Parameters) {
            if (-not $inSyntax.ContainsKey($p.Name)) {
                New-DqcProblem -Path $fp -Command $cmd -Severity Warning -Rule 'ParameterNotInSyntax' -Line $p.Line -Message "Parameter '-$($p.Name)' is documented but not shown in SYNTAX."
            }
            if ($namedSets.Count -gt 0) {
                foreach ($v in $p.Variants) {
                    foreach ($setName in $v.Sets) {
                        if ($setName -ne $script:AllSetsMoniker -and $namedSets -notcontains $setName) {
                            New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'UnknownParameterSet' -Line $p.Line -Message "Parameter '-$($p.Name)' names set '$setName', which SYNTAX does not list."
                        }
                    }
                }
            }
        }
        # Each set's syntax line must list exactly the parameters the yaml puts in that set,
        # otherwise the generated syntax (built from yaml) differs from what the page shows.
        if ($namedSets.Count -gt 0) {
            $items = @(Get-DqcSyntaxItems -Model $model)
            foreach ($s in ($model.SyntaxSets | Where-Object { $_.Name -ne $script:AllSetsMoniker })) {
                $item = $items | Where-Object { $_.Name -eq $s.Name } | Select-Object -First 1
                $fromYaml = @($item.Parameters | ForEach-Object Name)
                $shown = @($s.ParameterNames | Where-Object { $script:CommonParameterNames -notcontains $_ -and $documented.ContainsKey($_) })
                foreach ($n in $shown) {
                    if ($fromYaml -notcontains $n) {
                        New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'SyntaxSetMismatch' -Line $s.Line -Message "SYNTAX set '$($s.Name)' shows '-$n', but its yaml does not put it in that set."
                    }
                }
                foreach ($n in $fromYaml) {
                    if ($shown -notcontains $n) {
                        New-DqcProblem -Path $fp -Command $cmd -Severity Error -Rule 'SyntaxSetMismatch' -Line $s.Line -Message "Yaml puts '-$n' in set '$($s.Name)', but that set's SYNTAX line does not show it."
                    }
                }
            }
        }

        $syntaxText = ($model.SyntaxSets | ForEach-Object Code) -join "`n"
        if ($syntaxText -match '<CommonParameters>' -and -not $model.HasCommonParameters) {
            New-DqcProblem -Path $fp -Command $cmd -Severity Warning -Rule 'MissingCommonParameters' -Message "SYNTAX shows [<CommonParameters>] but PARAMETERS has no '### CommonParameters' entry."
        }
    }
}

Export-ModuleMember -Function Convert-DqcMarkdownToMaml, Convert-DqcAboutMarkdownToText, Test-DqcHelpMarkdown
