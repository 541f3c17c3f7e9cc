using System.Globalization;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// The ffmpeg filtergraph that turns several officials into one picture and one voice:
/// "grid" scales each into a cell of a near-square grid (xstack), "pip" shows the first full size
/// with the others as quarter-size pictures in the lower right. Every input is re-timed to start
/// at zero (they joined at different moments) and the audio is summed without normalising, so a
/// silent participant does not halve the others' loudness. Output labels: [v] and [a].
/// </summary>
public static class ComposeLayout
{
    public static string FilterGraph(int inputs, string layout, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 2);
        var graph = new List<string>();
        if (layout == "pip")
        {
            Pip(graph, inputs, width, height);
        }
        else
        {
            Grid(graph, inputs, width, height);
        }

        var audio = string.Concat(Enumerable.Range(0, inputs).Select(i => $"[a{i}]"));
        for (var i = 0; i < inputs; i++)
        {
            graph.Add($"[{i}:a]aresample=48000,asetpts=PTS-STARTPTS[a{i}]");
        }

        graph.Add($"{audio}amix=inputs={inputs}:normalize=0:dropout_transition=0[a]");
        return string.Join(';', graph);
    }

    private static void Grid(List<string> graph, int inputs, int width, int height)
    {
        var columns = (int)Math.Ceiling(Math.Sqrt(inputs));
        var rows = (int)Math.Ceiling(inputs / (double)columns);
        var cellWidth = width / columns & ~1;
        var cellHeight = height / rows & ~1;
        var positions = new List<string>();
        for (var i = 0; i < inputs; i++)
        {
            graph.Add(Scaled(i, cellWidth, cellHeight, $"v{i}"));
            positions.Add(Invariant($"{i % columns * cellWidth}_{i / columns * cellHeight}"));
        }

        var videos = string.Concat(Enumerable.Range(0, inputs).Select(i => $"[v{i}]"));
        graph.Add(Invariant($"{videos}xstack=inputs={inputs}:layout={string.Join('|', positions)}:fill=black,pad={width}:{height}:0:0:black[v]"));
    }

    private static void Pip(List<string> graph, int inputs, int width, int height)
    {
        var smallWidth = width / 4 & ~1;
        var smallHeight = height / 4 & ~1;
        const int margin = 8;
        graph.Add(Scaled(0, width, height, "base0"));
        for (var i = 1; i < inputs; i++)
        {
            graph.Add(Scaled(i, smallWidth, smallHeight, $"s{i}"));
            var y = height - (i * (smallHeight + margin));
            var next = i == inputs - 1 ? "v" : $"base{i}";
            graph.Add(Invariant($"[base{i - 1}][s{i}]overlay={width - smallWidth - margin}:{Math.Max(0, y)}:eof_action=pass[{next}]"));
        }
    }

    private static string Scaled(int input, int width, int height, string label) =>
        Invariant($"[{input}:v]setpts=PTS-STARTPTS,fps=25,scale={width}:{height}:force_original_aspect_ratio=decrease,pad={width}:{height}:(ow-iw)/2:(oh-ih)/2:black,setsar=1[{label}]");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
