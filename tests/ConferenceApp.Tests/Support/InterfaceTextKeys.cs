using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Reflection.Emit;
using Microsoft.Extensions.Localization;

namespace ConferenceApp.Tests.Support;

/// <summary>
/// Finds the English keys that the app looks up in <see cref="IStringLocalizer"/>, in its compiled
/// code: the controllers and other classes, and the Razor views, which compile into the same assembly.
/// Reading the IL rather than the source finds every form of call (<c>T["…"]</c>, <c>T.Html(…)</c>,
/// a localizer in a local or a field, a key in a constant), and follows a key through locals,
/// fields, parameters and return values to the localizer, as for <c>FieldError.Template</c>.
/// The messages and display names of validation attributes are read by reflection.
/// </summary>
/// <remarks>
/// The analysis is flow-insensitive. Every string literal that can reach the key argument of the
/// localizer's indexer counts as a key, even one that takes that path in no run of the app (such
/// as a field error that a page shows untranslated). <c>string.Replace</c> on literals is computed, because
/// <c>FieldError</c> derives its template that way. A key that is built at run time, such as an
/// interpolated string, is not a literal and is not listed. Values that enter from outside the
/// assembly (a request, a database, a framework callback) are not followed either.
/// </remarks>
public static class InterfaceTextKeys
{
    /// <summary>Returns each key with a place that uses it, such as a view's path or a method's name.</summary>
    public static IReadOnlyDictionary<string, string> Find(Assembly app)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, origin) in new KeyFlow(app).Run())
        {
            keys.TryAdd(key, origin);
        }

        foreach (var (key, origin) in DataAnnotationKeys(app))
        {
            keys.TryAdd(key, origin);
        }

        return keys;
    }

    // AddDataAnnotationsLocalization looks up validation messages and display names in the same localizer.
    private static IEnumerable<(string Key, string Origin)> DataAnnotationKeys(Assembly app)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in app.GetTypes())
        {
            var members = type.GetProperties(Declared).Cast<ICustomAttributeProvider>()
                .Concat(type.GetConstructors(Declared).SelectMany(constructor => constructor.GetParameters()));
            foreach (var member in members)
            {
                foreach (var attribute in member.GetCustomAttributes(inherit: false))
                {
                    var key = attribute switch
                    {
                        ValidationAttribute { ErrorMessageResourceType: null } validation => validation.ErrorMessage,
                        DisplayAttribute { ResourceType: null } display => display.Name,
                        _ => null,
                    };
                    if (key is not null)
                    {
                        yield return (key, $"{type.FullName}.{(member as MemberInfo)?.Name ?? (member as ParameterInfo)?.Name}");
                    }
                }
            }
        }
    }

    /// <summary>The string literals that a value of the program can hold, each with the place it was written.</summary>
    private sealed class Literals
    {
        public static readonly Literals None = new(ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

        private Literals(ImmutableDictionary<string, string> origins)
        {
            Origins = origins;
        }

        /// <summary>Each literal with the place it first appeared.</summary>
        public ImmutableDictionary<string, string> Origins { get; }

        public static Literals Of(string literal, string origin) => new(None.Origins.Add(literal, origin));

        /// <summary>Returns the union, or this very instance when <paramref name="other"/> adds nothing.</summary>
        public Literals Union(Literals other)
        {
            if (ReferenceEquals(this, other) || other.Origins.IsEmpty)
            {
                return this;
            }

            var origins = Origins;
            foreach (var (literal, origin) in other.Origins)
            {
                if (!origins.ContainsKey(literal))
                {
                    origins = origins.Add(literal, origin);
                }
            }

            return ReferenceEquals(origins, Origins) ? this : new Literals(origins);
        }
    }

    private enum SlotKind
    {
        Local,
        Argument,
        Field,
        Return,
    }

    /// <summary>A place that stores a value: a method's local, argument or return value, or a field. Tokens are metadata tokens of the app's module.</summary>
    private readonly record struct Slot(SlotKind Kind, int Token, int Index);

    private readonly record struct Instruction(int Offset, OpCode Code, long Operand, int[] Targets);

    /// <summary>
    /// Interprets the IL of every method of the app over sets of string literals, repeating until no
    /// slot gains a literal, and collects what reaches the key of the localizer's indexer.
    /// </summary>
    private sealed class KeyFlow(Assembly app)
    {
        private const int MaxRounds = 100;

        private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (OpCode)field.GetValue(null)!)
            .ToDictionary(code => code.Value);

        private readonly Module _module = app.ManifestModule;
        private readonly Dictionary<Slot, Literals> _slots = [];
        private readonly Dictionary<(int Method, int Offset), Literals> _keysAtCalls = [];
        private readonly Dictionary<MethodBase, string> _places = [];
        private bool _changed;

        public IEnumerable<(string Key, string Origin)> Run()
        {
            var methods = app.GetTypes().SelectMany(MethodsOf).Where(method => method.GetMethodBody() is not null).ToList();
            var code = methods.ToDictionary(method => method, Decode);

            for (var round = 0; ; round++)
            {
                if (round == MaxRounds)
                {
                    throw new InvalidOperationException($"The key analysis did not settle after {MaxRounds} rounds.");
                }

                _changed = false;
                foreach (var method in methods)
                {
                    Interpret(method, code[method]);
                }

                if (!_changed)
                {
                    break;
                }
            }

            return _keysAtCalls.Values.SelectMany(literals => literals.Origins).Select(pair => (pair.Key, pair.Value));
        }

        private static IEnumerable<MethodBase> MethodsOf(Type type)
        {
            const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            return type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
        }

        private static List<Instruction> Decode(MethodBase method)
        {
            var il = method.GetMethodBody()!.GetILAsByteArray()!;
            var instructions = new List<Instruction>();
            var position = 0;
            while (position < il.Length)
            {
                var offset = position;
                short value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
                var code = OpCodesByValue[value];
                position += code.Size;

                long operand = 0;
                int[] targets = [];
                switch (code.OperandType)
                {
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget:
                        operand = (sbyte)il[position];
                        position += 1;
                        targets = [position + (int)operand];
                        break;
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        operand = il[position];
                        position += 1;
                        break;
                    case OperandType.InlineVar:
                        operand = BitConverter.ToUInt16(il, position);
                        position += 2;
                        break;
                    case OperandType.InlineBrTarget:
                        operand = BitConverter.ToInt32(il, position);
                        position += 4;
                        targets = [position + (int)operand];
                        break;
                    case OperandType.InlineSwitch:
                        var count = BitConverter.ToInt32(il, position);
                        var next = position + 4 + (4 * count);
                        targets = [.. Enumerable.Range(0, count).Select(i => next + BitConverter.ToInt32(il, position + 4 + (4 * i)))];
                        position = next;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        position += 8;
                        break;
                    default:
                        operand = BitConverter.ToInt32(il, position);
                        position += 4;
                        break;
                }

                instructions.Add(new Instruction(offset, code, operand, targets));
            }

            return instructions;
        }

        // Runs once through the method's instructions with a stack of literal sets. A branch target
        // starts with the union of the stacks that jump or fall through to it.
        private void Interpret(MethodBase method, List<Instruction> instructions)
        {
            var body = method.GetMethodBody()!;
            var entryStacks = new Dictionary<int, List<Literals>>();
            foreach (var clause in body.ExceptionHandlingClauses)
            {
                var handlerStack = clause.Flags is ExceptionHandlingClauseOptions.Clause or ExceptionHandlingClauseOptions.Filter ? new List<Literals> { Literals.None } : [];
                entryStacks[clause.HandlerOffset] = handlerStack;
                if (clause.Flags == ExceptionHandlingClauseOptions.Filter)
                {
                    entryStacks[clause.FilterOffset] = [Literals.None];
                }
            }

            var stack = new List<Literals>();
            var reachable = true;
            foreach (var instruction in instructions)
            {
                if (entryStacks.TryGetValue(instruction.Offset, out var entry))
                {
                    stack = reachable ? Merge(entry, stack) : [.. entry];
                }
                else if (!reachable)
                {
                    stack = [];
                }

                reachable = Step(method, instruction, stack);
                foreach (var target in instruction.Targets)
                {
                    entryStacks[target] = entryStacks.TryGetValue(target, out var known) ? Merge(known, stack) : [.. stack];
                }
            }
        }

        private static List<Literals> Merge(List<Literals> first, List<Literals> second)
        {
            var merged = new List<Literals>(first);
            for (var i = 0; i < Math.Min(first.Count, second.Count); i++)
            {
                merged[i] = first[i].Union(second[i]);
            }

            return merged;
        }

        // Applies one instruction to the stack; returns false when control does not fall through to the next one.
        private bool Step(MethodBase method, Instruction instruction, List<Literals> stack)
        {
            var code = instruction.Code;
            var token = (int)instruction.Operand;

            if (code == OpCodes.Ldstr)
            {
                stack.Add(Literals.Of(_module.ResolveString(token), Describe(method)));
            }
            else if (LocalIndex(code, instruction.Operand) is { } load)
            {
                stack.Add(Read(new Slot(SlotKind.Local, method.MetadataToken, load)));
            }
            else if (StoredLocalIndex(code, instruction.Operand) is { } store)
            {
                Write(new Slot(SlotKind.Local, method.MetadataToken, store), Pop(stack));
            }
            else if (ArgumentIndex(code, instruction.Operand) is { } argument)
            {
                stack.Add(Read(new Slot(SlotKind.Argument, method.MetadataToken, argument)));
            }
            else if (code == OpCodes.Starg || code == OpCodes.Starg_S)
            {
                Write(new Slot(SlotKind.Argument, method.MetadataToken, (int)instruction.Operand), Pop(stack));
            }
            else if (code == OpCodes.Ldfld || code == OpCodes.Ldsfld)
            {
                if (code == OpCodes.Ldfld)
                {
                    Pop(stack);
                }

                stack.Add(FieldSlot(method, token) is { } field ? Read(field) : Literals.None);
            }
            else if (code == OpCodes.Stfld || code == OpCodes.Stsfld)
            {
                var value = Pop(stack);
                if (code == OpCodes.Stfld)
                {
                    Pop(stack);
                }

                if (FieldSlot(method, token) is { } field)
                {
                    Write(field, value);
                }
            }
            else if (code == OpCodes.Dup)
            {
                var top = Pop(stack);
                stack.Add(top);
                stack.Add(top);
            }
            else if (code == OpCodes.Castclass || code == OpCodes.Isinst)
            {
                // The value stays the same object, so its literals pass through.
            }
            else if (code == OpCodes.Call || code == OpCodes.Callvirt || code == OpCodes.Newobj)
            {
                Call(method, instruction, stack);
            }
            else if (code == OpCodes.Ret)
            {
                if (method is MethodInfo { ReturnType: var returnType } && returnType != typeof(void))
                {
                    Write(new Slot(SlotKind.Return, method.MetadataToken, 0), Pop(stack));
                }

                stack.Clear();
            }
            else if (code == OpCodes.Calli)
            {
                throw new NotSupportedException($"{Describe(method)} uses calli, which the key analysis cannot follow.");
            }
            else
            {
                for (var i = PopCount(code.StackBehaviourPop); i > 0; i--)
                {
                    Pop(stack);
                }

                for (var i = PushCount(code.StackBehaviourPush); i > 0; i--)
                {
                    stack.Add(Literals.None);
                }
            }

            return code.FlowControl is not (FlowControl.Branch or FlowControl.Return or FlowControl.Throw)
                && code != OpCodes.Endfinally;
        }

        private void Call(MethodBase method, Instruction instruction, List<Literals> stack)
        {
            var callee = _module.ResolveMethod(
                (int)instruction.Operand,
                method.DeclaringType is { IsGenericType: true } type ? type.GetGenericArguments() : null,
                method.IsGenericMethod ? method.GetGenericArguments() : null)!;
            var parameters = callee.GetParameters();
            var hasThis = !callee.IsStatic && instruction.Code != OpCodes.Newobj;

            var arguments = new Literals[parameters.Length + (hasThis ? 1 : 0)];
            for (var i = arguments.Length - 1; i >= 0; i--)
            {
                arguments[i] = Pop(stack);
            }

            if (typeof(IStringLocalizer).IsAssignableFrom(callee.DeclaringType) && callee.Name == "get_Item" && arguments.Length >= 2)
            {
                var site = (method.MetadataToken, instruction.Offset);
                _keysAtCalls[site] = _keysAtCalls.TryGetValue(site, out var known) ? known.Union(arguments[1]) : arguments[1];
            }

            var inApp = callee.Module == _module;
            if (inApp)
            {
                // The constructor's own "this" is argument 0, which newobj does not take from the stack.
                var first = callee.IsStatic || hasThis ? 0 : 1;
                for (var i = 0; i < arguments.Length; i++)
                {
                    Write(new Slot(SlotKind.Argument, callee.MetadataToken, first + i), arguments[i]);
                }
            }

            if (instruction.Code == OpCodes.Newobj)
            {
                stack.Add(Literals.None);
            }
            else if (callee is MethodInfo { ReturnType: var returnType } && returnType != typeof(void))
            {
                stack.Add(inApp ? Read(new Slot(SlotKind.Return, callee.MetadataToken, 0)) : Outside(callee, arguments));
            }
        }

        // string.Replace on literals is computed; any other method outside the app returns no literal.
        private static Literals Outside(MethodBase callee, Literals[] arguments)
        {
            if (callee.DeclaringType != typeof(string) || callee.Name != nameof(string.Replace) || arguments.Length < 3
                || callee.GetParameters()[0].ParameterType != typeof(string))
            {
                return Literals.None;
            }

            var result = Literals.None;
            foreach (var (text, origin) in arguments[0].Origins)
            {
                foreach (var oldValue in arguments[1].Origins.Keys)
                {
                    foreach (var newValue in arguments[2].Origins.Keys)
                    {
                        result = result.Union(Literals.Of(text.Replace(oldValue, newValue, StringComparison.Ordinal), origin));
                    }
                }
            }

            return result;
        }

        // Fields of other assemblies, such as string.Empty, hold no literal of the app.
        private Slot? FieldSlot(MethodBase method, int token)
        {
            var field = _module.ResolveField(
                token,
                method.DeclaringType is { IsGenericType: true } type ? type.GetGenericArguments() : null,
                method.IsGenericMethod ? method.GetGenericArguments() : null)!;
            return field.Module == _module ? new Slot(SlotKind.Field, field.MetadataToken, 0) : null;
        }

        private Literals Read(Slot slot) => _slots.TryGetValue(slot, out var literals) ? literals : Literals.None;

        private void Write(Slot slot, Literals value)
        {
            var known = Read(slot);
            var union = known.Union(value);
            if (!ReferenceEquals(union, known))
            {
                _slots[slot] = union;
                _changed = true;
            }
        }

        private static Literals Pop(List<Literals> stack)
        {
            if (stack.Count == 0)
            {
                return Literals.None;
            }

            var top = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            return top;
        }

        // The compiler names a lambda "<Method>b__0_1" and the state machine of an async method
        // "<Method>d__5", so the method of the source is the part in angle brackets.
        private static string SourceName(MethodBase method)
        {
            var name = method.Name.StartsWith('<') ? method.Name : method.DeclaringType?.Name ?? method.Name;
            var end = name.IndexOf('>', StringComparison.Ordinal);
            return name.StartsWith('<') && end > 1 ? name[1..end] : method.Name;
        }

        private static int? LocalIndex(OpCode code, long operand) =>
            IndexOf(code, operand, [OpCodes.Ldloc_0, OpCodes.Ldloc_1, OpCodes.Ldloc_2, OpCodes.Ldloc_3], OpCodes.Ldloc_S, OpCodes.Ldloc);

        private static int? StoredLocalIndex(OpCode code, long operand) =>
            IndexOf(code, operand, [OpCodes.Stloc_0, OpCodes.Stloc_1, OpCodes.Stloc_2, OpCodes.Stloc_3], OpCodes.Stloc_S, OpCodes.Stloc);

        private static int? ArgumentIndex(OpCode code, long operand) =>
            IndexOf(code, operand, [OpCodes.Ldarg_0, OpCodes.Ldarg_1, OpCodes.Ldarg_2, OpCodes.Ldarg_3], OpCodes.Ldarg_S, OpCodes.Ldarg);

        // Returns the index that one of a family of opcodes names: built into the four short forms, or in the operand of the other two.
        private static int? IndexOf(OpCode code, long operand, OpCode[] shortForms, OpCode withByte, OpCode withInt)
        {
            var builtIn = Array.IndexOf(shortForms, code);
            if (builtIn >= 0)
            {
                return builtIn;
            }

            if (code == withByte || code == withInt)
            {
                return (int)operand;
            }

            return null;
        }

        private static int PopCount(StackBehaviour behaviour) => behaviour switch
        {
            StackBehaviour.Pop0 => 0,
            StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
            StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8
                or StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi => 2,
            StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8 or StackBehaviour.Popref_popi_popr4
                or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref or StackBehaviour.Popref_popi_pop1 => 3,
            _ => throw new NotSupportedException($"The stack behaviour {behaviour} is not expected here."),
        };

        private static int PushCount(StackBehaviour behaviour) => behaviour switch
        {
            StackBehaviour.Push0 => 0,
            StackBehaviour.Push1_push1 => 2,
            StackBehaviour.Varpush => throw new NotSupportedException("Calls are handled on their own."),
            _ => 1,
        };

        // Names a view by its file, which Razor records on the class it compiles the view into.
        private string Describe(MethodBase method)
        {
            if (_places.TryGetValue(method, out var known))
            {
                return known;
            }

            var type = method.DeclaringType!;
            while (type.DeclaringType is not null)
            {
                type = type.DeclaringType;
            }

            var view = type.GetCustomAttributesData()
                .Where(attribute => attribute.AttributeType.Name == "RazorCompiledItemMetadataAttribute")
                .Select(attribute => attribute.ConstructorArguments)
                .FirstOrDefault(arguments => arguments.Count == 2 && (string?)arguments[0].Value == "Identifier");
            var place = view is not null ? (string)view[1].Value! : $"{type.FullName}.{SourceName(method)}";
            _places[method] = place;
            return place;
        }
    }
}
