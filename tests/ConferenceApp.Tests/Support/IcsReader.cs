using System.Text;

namespace ConferenceApp.Tests.Support;

/// <summary>
/// Checks and reads iCalendar text the way a strict client would: CRLF after every line, no
/// physical line longer than 75 octets, BEGIN and END balanced. Returns the unfolded content lines.
/// </summary>
public static class IcsReader
{
    public static List<string> ReadChecked(string ics)
    {
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        var physical = ics[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.DoesNotContain('\r', line);
            Assert.DoesNotContain('\n', line);
            var octets = Encoding.UTF8.GetByteCount(line);
            Assert.True(octets <= 75, $"The line \"{line}\" is {octets} octets long.");
        }

        var unfolded = Unfold(physical);
        var open = new Stack<string>();
        foreach (var line in unfolded)
        {
            if (line.StartsWith("BEGIN:", StringComparison.Ordinal))
            {
                open.Push(line["BEGIN:".Length..]);
            }
            else if (line.StartsWith("END:", StringComparison.Ordinal))
            {
                Assert.True(open.Count > 0, $"\"{line}\" has no BEGIN.");
                Assert.Equal(open.Pop(), line["END:".Length..]);
            }
        }

        Assert.Empty(open);
        return unfolded;
    }

    /// <summary>Returns the content lines of each component named <paramref name="name"/>, such as "VEVENT".</summary>
    public static List<List<string>> Components(IReadOnlyList<string> lines, string name)
    {
        var components = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line == "BEGIN:" + name)
            {
                current = [];
            }
            else if (line == "END:" + name && current is not null)
            {
                components.Add(current);
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        return components;
    }

    /// <summary>Returns the value of the first property called <paramref name="name"/> (without parameters), or null.</summary>
    public static string? Value(IEnumerable<string> lines, string name) =>
        lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal))?[(name.Length + 1)..];

    /// <summary>Reverses TEXT escaping.</summary>
    public static string UnescapeText(string value)
    {
        var output = new StringBuilder();
        for (var index = 0; index < value.Length; index++)
        {
            if (value[index] == '\\' && index + 1 < value.Length)
            {
                index++;
                output.Append(value[index] is 'n' or 'N' ? '\n' : value[index]);
            }
            else
            {
                output.Append(value[index]);
            }
        }

        return output.ToString();
    }

    private static List<string> Unfold(string[] physical)
    {
        var lines = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' ') && lines.Count > 0)
            {
                lines[^1] += line[1..];
            }
            else
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
