using System.Text.Json.Nodes;

namespace TiepCongDan.Edge.Service;

/// <summary>One call to the simulation console, as `tcd-edge sim` parsed it from the command line.</summary>
public sealed record SimRequest(HttpMethod Method, string Path, JsonObject? Body = null);
