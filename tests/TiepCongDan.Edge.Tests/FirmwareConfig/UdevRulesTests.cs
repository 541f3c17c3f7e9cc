using System.Text.RegularExpressions;

namespace TiepCongDan.Edge.Tests.FirmwareConfig;

/// <summary>
/// The udev rules parse: Debian 12's udev (252) has no `udevadm verify` (added in 254) and no udevd
/// runs here, so this is a parser of udev's rule syntax (udev(7)): comma-separated KEY[{attr}]OP"value",
/// match keys with ==/!=, assignment keys with =/+=/-=/:=, known keys only, balanced quotes.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class UdevRulesTests
{
    private static readonly HashSet<string> MatchKeys = ["ACTION", "DEVPATH", "KERNEL", "KERNELS", "NAME", "SYMLINK", "SUBSYSTEM", "SUBSYSTEMS", "DRIVER", "DRIVERS", "ATTR", "ATTRS", "SYSCTL", "ENV", "CONST", "TAG", "TAGS", "TEST", "PROGRAM", "RESULT"];
    private static readonly HashSet<string> AssignKeys = ["NAME", "SYMLINK", "OWNER", "GROUP", "MODE", "SECLABEL", "ATTR", "SYSCTL", "ENV", "TAG", "RUN", "LABEL", "GOTO", "IMPORT", "OPTIONS"];

    [Fact]
    public void Every_rule_line_parses_as_udev_syntax_and_assigns_something()
    {
        var lines = FirmwareFiles.ContentLines("udev/70-tcd-edge-devices.rules");
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var assignments = 0;
            foreach (var part in SplitRule(line))
            {
                var m = Pair().Match(part);
                Assert.True(m.Success, $"not KEY OP \"value\": '{part}' in: {line}");
                var key = m.Groups["key"].Value;
                var op = m.Groups["op"].Value;
                if (op is "==" or "!=")
                {
                    Assert.True(MatchKeys.Contains(key), $"{key} is not a udev match key: {line}");
                }
                else
                {
                    Assert.True(AssignKeys.Contains(key), $"{key} cannot be assigned: {line}");
                    assignments++;
                }

                var hasAttr = m.Groups["attr"].Success;
                if (key is "ATTR" or "ATTRS" or "ENV" or "SYSCTL" or "CONST")
                {
                    Assert.True(hasAttr, $"{key} needs a {{name}}: {line}");
                }
                else if (key is not ("IMPORT" or "RUN" or "TEST"))
                {
                    Assert.False(hasAttr, $"{key} takes no {{name}}: {line}");
                }
            }

            Assert.True(assignments > 0, $"a rule that only matches does nothing: {line}");
        }
    }

    [Fact]
    public void Stable_names_match_what_the_example_settings_use()
    {
        var rules = FirmwareFiles.Read("udev/70-tcd-edge-devices.rules");
        var example = FirmwareFiles.Read("edge.json.example");
        Assert.Contains("SYMLINK+=\"tcd-camera\"", rules, StringComparison.Ordinal);
        Assert.Contains("\"CameraDevice\": \"/dev/tcd-camera\"", example, StringComparison.Ordinal);
        Assert.Contains("ATTR{id}=\"tcdmic\"", rules, StringComparison.Ordinal);
        Assert.Contains("\"MicrophoneCard\": \"tcdmic\"", example, StringComparison.Ordinal);
        // Groups the rules hand devices to are groups the edge's unit joins (or plugdev for the reader, which pcscd opens as root).
        var unitGroups = UnitFile.Load("systemd/tcd-edge.service").Last("Service", "SupplementaryGroups")!.Split(' ');
        foreach (Match g in GroupAssignment().Matches(rules))
        {
            Assert.True(unitGroups.Contains(g.Groups[1].Value) || g.Groups[1].Value == "plugdev", $"udev gives devices to group {g.Groups[1].Value}, which tcd-edge does not join");
        }
    }

    private static IEnumerable<string> SplitRule(string line)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (c == ',' && !quoted)
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        Assert.False(quoted, $"unbalanced quotes: {line}");
        parts.Add(current.ToString().Trim());
        return parts.Where(p => p.Length > 0);
    }

    [GeneratedRegex("""^(?<key>[A-Z_]+)(\{(?<attr>[A-Za-z0-9_./*-]+)\})?\s*(?<op>==|!=|\+=|-=|:=|=)\s*"(?<value>[^"]*)"$""")]
    private static partial Regex Pair();

    [GeneratedRegex("GROUP=\"([^\"]+)\"")]
    private static partial Regex GroupAssignment();
}
