using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;

namespace DataArtsQuality.HelpBuilder;

/// <summary>What a parameter is in one parameter set.</summary>
internal sealed record SetBinding(bool Required, int Position, bool ByValue, bool ByPropertyName)
{
    public string PositionText => Position == int.MinValue ? "Named" : Position.ToString(CultureInfo.InvariantCulture);

    public string PipelineText => (ByPropertyName, ByValue) switch
    {
        (true, true) => "True (ByPropertyName, ByValue)",
        (true, false) => "True (ByPropertyName)",
        (false, true) => "True (ByValue)",
        _ => "False",
    };
}

/// <summary>A parameter as PowerShell binds it, read from the compiled cmdlet.</summary>
internal sealed class CodeParameter
{
    public required string Name { get; init; }
    public required string TypeName { get; init; }
    public bool IsSwitch { get; init; }
    public List<string> Aliases { get; init; } = [];
    public List<string> AcceptedValues { get; init; } = [];
    public bool Globbing { get; init; }
    /// <summary>The value the cmdlet starts with when it is not the type's empty value; null when the code declares none.</summary>
    public string? DeclaredDefault { get; init; }
    /// <summary>Set name to binding; "__AllParameterSets" when the parameter names no set.</summary>
    public Dictionary<string, SetBinding> Sets { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>A cmdlet's name, parameter sets and documentable parameters, as PowerShell's CommandMetadata sees them.</summary>
internal sealed class CodeCommand
{
    public const string AllParameterSets = "__AllParameterSets";

    public required string Name { get; init; }
    public required string DefaultSet { get; init; }
    /// <summary>The sets in the order they first appear on the parameters; just __AllParameterSets when none is named.</summary>
    public required List<string> SetNames { get; init; }
    public required List<CodeParameter> Parameters { get; init; }
    /// <summary>The full names of the [OutputType] types, for the OUTPUTS of a new page.</summary>
    public List<string> OutputTypes { get; init; } = [];

    /// <summary>Every cmdlet in the assembly, by name.</summary>
    public static Dictionary<string, CodeCommand> LoadAssembly(string path)
    {
        var assembly = Assembly.LoadFrom(Path.GetFullPath(path));
        Type[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException ex) { types = ex.Types.Where(t => t is not null).ToArray()!; }
        var result = new Dictionary<string, CodeCommand>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in types)
        {
            if (type.IsAbstract || !typeof(Cmdlet).IsAssignableFrom(type)) continue;
            if (type.GetCustomAttribute<CmdletAttribute>() is null) continue;
            var command = FromType(type);
            result[command.Name] = command;
        }
        return result;
    }

    public static CodeCommand FromType(Type type)
    {
        var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
        var metadata = new CommandMetadata(type);
        object? instance = null;
        try { instance = Activator.CreateInstance(type); }
        catch (Exception) { /* no parameterless constructor: no declared defaults */ }

        var parameters = new List<CodeParameter>();
        var setNames = new List<string>();
        foreach (ParameterMetadata p in metadata.Parameters.Values)
        {
            var parameterAttributes = p.Attributes.OfType<ParameterAttribute>().ToList();
            // Hidden parameters carry pipeline plumbing, not something a user types.
            if (parameterAttributes.Count > 0 && parameterAttributes.All(a => a.DontShow)) continue;
            var sets = new Dictionary<string, SetBinding>(StringComparer.Ordinal);
            foreach (var (setName, set) in p.ParameterSets)
            {
                sets[setName] = new SetBinding(set.IsMandatory, set.Position, set.ValueFromPipeline, set.ValueFromPipelineByPropertyName);
                if (setName != AllParameterSets && !setNames.Contains(setName)) setNames.Add(setName);
            }
            var accepted = p.Attributes.OfType<ValidateSetAttribute>().SelectMany(a => a.ValidValues).ToList();
            var elementType = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (accepted.Count == 0 && elementType.IsEnum) accepted = Enum.GetNames(elementType).ToList();
            parameters.Add(new CodeParameter
            {
                Name = p.Name,
                TypeName = FriendlyName(p.ParameterType),
                IsSwitch = p.SwitchParameter,
                Aliases = p.Aliases.ToList(),
                AcceptedValues = accepted,
                Globbing = p.Attributes.OfType<SupportsWildcardsAttribute>().Any(),
                DeclaredDefault = DeclaredDefault(type, instance, p),
                Sets = sets,
            });
        }

        string defaultSet = string.IsNullOrEmpty(attribute.DefaultParameterSetName) ? AllParameterSets : attribute.DefaultParameterSetName;
        if (setNames.Count == 0) setNames.Add(AllParameterSets);
        else if (defaultSet != AllParameterSets && !setNames.Contains(defaultSet)) setNames.Insert(0, defaultSet);

        if (attribute.SupportsPaging)
        {
            // The binder adds these for SupportsPaging, after the cmdlet's own parameters (PSPagingParameters).
            foreach (var (name, typeName, isSwitch) in new[] { ("IncludeTotalCount", "SwitchParameter", true), ("Skip", "UInt64", false), ("First", "UInt64", false) })
            {
                if (parameters.Any(p => p.Name == name)) continue;
                parameters.Add(new CodeParameter
                {
                    Name = name,
                    TypeName = typeName,
                    IsSwitch = isSwitch,
                    Sets = new() { [AllParameterSets] = new SetBinding(false, int.MinValue, false, false) },
                });
            }
        }

        if (attribute.SupportsShouldProcess)
        {
            // ShouldProcess parameters are documented as ordinary ones (as platyPS does); the binder adds them.
            foreach (var (name, alias) in new[] { ("WhatIf", "wi"), ("Confirm", "cf") })
            {
                if (parameters.Any(p => p.Name == name)) continue;
                parameters.Add(new CodeParameter
                {
                    Name = name,
                    TypeName = "SwitchParameter",
                    IsSwitch = true,
                    Aliases = [alias],
                    Sets = new() { [AllParameterSets] = new SetBinding(false, int.MinValue, false, false) },
                });
            }
        }

        return new CodeCommand
        {
            Name = attribute.VerbName + "-" + attribute.NounName,
            DefaultSet = defaultSet,
            SetNames = setNames,
            Parameters = parameters,
            OutputTypes = type.GetCustomAttributes<OutputTypeAttribute>().SelectMany(a => a.Type).Select(t => t.Name).Distinct().ToList(),
        };
    }

    /// <summary>The binding of a parameter in a set, or null when the parameter is not in it.</summary>
    public static SetBinding? BindingIn(CodeParameter parameter, string set) =>
        parameter.Sets.TryGetValue(set, out var binding) ? binding
        : parameter.Sets.TryGetValue(AllParameterSets, out var all) ? all
        : null;

    /// <summary>Nullable&lt;T&gt; reads as T (Get-Help shows the value to type), arrays as T[], generics as Name[Args].</summary>
    public static string FriendlyName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return FriendlyName(underlying);
        if (type.IsArray) return FriendlyName(type.GetElementType()!) + "[]";
        if (type.IsGenericType)
        {
            string name = type.Name[..type.Name.IndexOf('`')];
            return $"{name}[{string.Join(", ", type.GetGenericArguments().Select(FriendlyName))}]";
        }
        return type.Name;
    }

    private static string? DeclaredDefault(Type type, object? instance, ParameterMetadata parameter)
    {
        var psDefault = parameter.Attributes.OfType<PSDefaultValueAttribute>().FirstOrDefault();
        if (psDefault is not null)
            return psDefault.Help ?? Convert.ToString(psDefault.Value, CultureInfo.InvariantCulture);
        if (instance is null) return null;
        object? value;
        try
        {
            var property = type.GetProperty(parameter.Name, BindingFlags.Public | BindingFlags.Instance);
            if (property is not null) value = property.GetValue(instance);
            else if (type.GetField(parameter.Name, BindingFlags.Public | BindingFlags.Instance) is { } field) value = field.GetValue(instance);
            else return null;
        }
        catch (Exception) { return null; }
        return value switch
        {
            null => null,
            SwitchParameter s => s.IsPresent ? "True" : null,
            string s => s.Length == 0 ? null : s,
            bool b => b ? "True" : null,
            IEnumerable items when items.Cast<object?>().Any() => string.Join(", ", items.Cast<object?>().Select(Format)),
            IEnumerable => null,
            _ when value.GetType().IsValueType && value.Equals(Activator.CreateInstance(value.GetType())) => null,
            _ => Format(value),
        };
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
