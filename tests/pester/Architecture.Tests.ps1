BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Assembly = (Get-Command Restart-DqcJob).ImplementingType.Assembly
    $script:Cmdlets = $Assembly.GetTypes() | Where-Object {
        $_.IsClass -and -not $_.IsAbstract -and [System.Management.Automation.PSCmdlet].IsAssignableFrom($_)
    }

    function Get-DepthBelowPSCmdlet([type] $Type) {
        $depth = 0
        while ($Type -ne [System.Management.Automation.PSCmdlet]) { $Type = $Type.BaseType; $depth++ }
        $depth
    }
}

Describe 'The cmdlet hierarchy' {
    It 'finds every cmdlet of the module' {
        $Cmdlets.Count | Should -Be (Get-Command -Module DataArtsQuality -CommandType Cmdlet).Count
    }

    It 'puts no cmdlet more than 3 levels below PSCmdlet' {
        $tooDeep = $Cmdlets | Where-Object { (Get-DepthBelowPSCmdlet $_) -gt 3 } |
            ForEach-Object { '{0} ({1} levels)' -f $_.Name, (Get-DepthBelowPSCmdlet $_) }
        $tooDeep | Should -BeNullOrEmpty
    }

    It 'has an abstract base only where cmdlets share parameters it declares' {
        $bases = $Assembly.GetTypes() | Where-Object { $_.IsAbstract -and -not $_.IsSealed -and [System.Management.Automation.PSCmdlet].IsAssignableFrom($_) }
        foreach ($base in $bases) {
            $declared = $base.GetProperties([System.Reflection.BindingFlags]'Public,Instance,DeclaredOnly') |
                Where-Object { $_.GetCustomAttributes([System.Management.Automation.ParameterAttribute], $false) }
            "$($base.Name): $(@($declared).Count) parameter(s)" | Should -Not -Match ': 0 parameter'
        }
    }

    It 'lets PowerShell dispose every cmdlet that takes a connection' {
        $Cmdlets | Where-Object { $_.GetProperty('Connection') -and -not [System.IDisposable].IsAssignableFrom($_) } |
            ForEach-Object Name | Should -BeNullOrEmpty
    }
}

Describe 'The source layout' {
    It 'keeps each type of Commands and Completers in a file named after it, in the folder of its layer' {
        $misplaced = foreach ($type in $Assembly.GetTypes()) {
            if ($type.IsNested -or $type.Name -match '[<>]') { continue }
            $folder = switch ($type.Namespace) {
                'DataArtsQuality.Commands' { 'Commands' }
                'DataArtsQuality.Completers' { 'Completers' }
                default { $null }
            }
            if (-not $folder) { continue }
            $name = $type.Name -replace '`\d+$', ''
            $file = Join-Path $RepoRoot "src/DataArtsQuality/$folder/$name.cs"
            if (-not (Test-Path $file)) { "$($type.FullName) is not in $folder/$name.cs" }
        }
        $misplaced | Should -BeNullOrEmpty
    }

    It 'has no completer among the cmdlets' {
        $Assembly.GetTypes() | Where-Object {
            $_.Namespace -eq 'DataArtsQuality.Commands' -and [System.Management.Automation.IArgumentCompleter].IsAssignableFrom($_)
        } | ForEach-Object Name | Should -BeNullOrEmpty
    }
}

Describe 'The core' {
    # The global usings (src/DataArtsQuality/GlobalUsings.cs) leave PowerShell out; these keep it out of Client/ and
    # Models/ altogether, so the core stays usable without a runspace and its tests need none.
    It 'names no PowerShell namespace and no PowerShell-facing layer in its sources' {
        $pattern = 'System\.Management\.Automation|DataArtsQuality\.(Session|Commands|Completers)'
        $found = foreach ($folder in 'Client', 'Models') {
            Get-ChildItem (Join-Path $RepoRoot "src/DataArtsQuality/$folder") -Recurse -Filter *.cs | ForEach-Object {
                $file = $_
                Get-Content $file.FullName | Where-Object { ($_ -replace '//.*$', '') -match $pattern } |
                    ForEach-Object { "$($file.Name): $($_.Trim())" }
            }
        }
        $found | Should -BeNullOrEmpty
    }

    It 'has no PowerShell type or PowerShell-facing type in the signatures of its types' {
        $flags = [System.Reflection.BindingFlags]'Public,NonPublic,Instance,Static,DeclaredOnly'
        $isPowerShell = {
            param([type] $t)
            while ($t.HasElementType) { $t = $t.GetElementType() }
            $types = @($t) + $(if ($t.IsGenericType) { $t.GetGenericArguments() })
            foreach ($one in $types) {
                if ($one.Assembly -eq [System.Management.Automation.PSCmdlet].Assembly -or
                    $one.Namespace -in 'DataArtsQuality.Session', 'DataArtsQuality.Commands', 'DataArtsQuality.Completers') { return $true }
            }
            $false
        }
        $core = $Assembly.GetTypes() | Where-Object { $_.Namespace -like 'DataArtsQuality.Client*' -or $_.Namespace -eq 'DataArtsQuality.Models' }
        $core.Count | Should -BeGreaterThan 50
        $found = foreach ($type in $core) {
            $used = @($type.BaseType) + $type.GetInterfaces() +
                ($type.GetFields($flags) | ForEach-Object FieldType) +
                ($type.GetProperties($flags) | ForEach-Object PropertyType) +
                ($type.GetMethods($flags) | ForEach-Object { $_.ReturnType; $_.GetParameters().ParameterType }) +
                ($type.GetConstructors($flags) | ForEach-Object { $_.GetParameters().ParameterType })
            foreach ($t in $used) { if ($t -and (& $isPowerShell $t)) { "$($type.FullName) uses $($t.FullName)" } }
        }
        $found | Select-Object -Unique | Should -BeNullOrEmpty
    }
}

Describe 'The connection a cmdlet leases' {
    BeforeAll {
        $script:emulator = Start-DqcEmulator
        Connect-TestWorkspace $emulator
        $sessionState = $Assembly.GetType('DataArtsQuality.Session.DqcSessionState')
        $script:connection = $sessionState.GetProperty('Default').GetValue($null)
        $script:users = $connection.GetType().GetField('_users', [System.Reflection.BindingFlags]'Instance,NonPublic')
        function script:Get-UserCount {
            # Requests still finishing after a downstream stop hold their own reference for a moment.
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            do { $count = $users.GetValue($connection); if ($count -eq 1) { break }; Start-Sleep -Milliseconds 100 } while ([DateTime]::UtcNow -lt $deadline)
            $count
        }
    }

    AfterAll {
        try { Disconnect-DqcWorkspace } catch { }
        Stop-DqcEmulator $emulator
    }

    It 'is given back exactly once, whether the cmdlet ends, fails, is stopped downstream or sends per item' {
        Get-UserCount | Should -Be 1
        $null = Get-DqcJob
        $null = Get-DqcJob -Id 1 -ErrorAction SilentlyContinue
        { Get-DqcJob -Id 'x' -ErrorAction Stop } | Should -Throw
        $null = $emulator.QualityJobIds | Restart-DqcJob -ThrottleLimit 4 | Select-Object -First 1
        $null = $emulator.QualityJobIds[0] | Start-DqcJobSchedule -Confirm:$false
        # Released twice, the count would reach 0 and close the connection; never released, it would grow.
        Get-UserCount | Should -Be 1
        $connection.IsOpen | Should -BeTrue
        (Get-DqcJob -First 1 | Measure-Object).Count | Should -Be 1
    }
}

Describe 'The public surface' {
    It 'is cmdlets, output models, exceptions (and their error category), completers, transformation attributes and the module initializer' {
        $helpers = $Assembly.GetExportedTypes() | Where-Object {
            -not ([System.Management.Automation.PSCmdlet].IsAssignableFrom($_) -or
                $_.Namespace -eq 'DataArtsQuality.Models' -or
                [Exception].IsAssignableFrom($_) -or
                # DqcException.Category is public, so its type must be; it is part of the exceptions, not a helper.
                $_.FullName -eq 'DataArtsQuality.Client.DqcErrorCategory' -or
                [System.Management.Automation.IArgumentCompleter].IsAssignableFrom($_) -or
                [System.Management.Automation.ArgumentTransformationAttribute].IsAssignableFrom($_) -or
                [System.Management.Automation.IModuleAssemblyInitializer].IsAssignableFrom($_))
        } | ForEach-Object FullName
        $helpers | Should -BeNullOrEmpty
    }
}
