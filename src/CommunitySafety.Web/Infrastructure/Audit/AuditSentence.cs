using System.Globalization;
using System.Text;
using System.Text.Json;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Web.Infrastructure.Storage;

namespace CommunitySafety.Web.Infrastructure.Audit;

/// <summary>
/// An audit entry in words, for people reading the audit trail: "Chris Contributor (Refuge) changed DA-E1 Q4 2024/25
/// from 41 to 44". The entry keeps its data as recorded (JSON); this reads it: enum numbers become their words
/// (a status of 1 is "provisional"), text is shown as written, and whatever is not known is listed as "name: value".
/// </summary>
public static class AuditSentence
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The entry in one sentence (without the time).</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="who">Who made it, as people know them, e.g. "Chris Contributor (Refuge)"; the user name when unknown.</param>
    /// <returns>The sentence.</returns>
    public static string Describe(AuditEntry entry, string who)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var before = Read(entry.Before);
        var after = Read(entry.After);
        var what = entry.Entity switch
        {
            "Indicator value" => IndicatorValue(entry, before, after),
            "Commentary" => $"{(before is null ? "wrote commentary on" : "changed the commentary on")} {entry.EntityKey}: “{Shorten(Text(after, "Markdown"))}”",
            "Action" => ActionUpdate(entry, before, after),
            "Data entry draft" => $"saved a draft of {entry.EntityKey}{(Number(after, "Rows") is { } rows ? $" ({Count(rows, "row")} filled)" : "")}",
            "Indicator values" when entry.Action == "Template uploaded" =>
                $"uploaded the template {entry.EntityKey}: {Count(Number(after, "Added") ?? 0, "value")} added, {Number(after, "Changed") ?? 0:N0} changed, {Number(after, "Unchanged") ?? 0:N0} unchanged{(List(after, "Indicators") is { Length: > 0 } codes ? $" ({codes})" : "")}",
            "Organisation" => $"added the organisation {entry.EntityKey}",
            "User" => UserChange(entry, before, after),
            AuditLog.SignInEntity => SignIn(entry, after),
            _ => $"{Lower(entry.Action)}: {entry.Entity} {entry.EntityKey}{Rest(before, after)}",
        };
        return entry.Entity == AuditLog.SignInEntity ? what : who + " " + what;
    }

    private static string IndicatorValue(AuditEntry entry, JsonElement? before, JsonElement? after)
    {
        // The key is "CODE PERIOD AREA"; the area is the plan's own and not repeated in the sentence.
        var key = entry.EntityKey;
        var parts = key.Split(' ');
        var subject = parts.Length >= 3 && parts[^1].Length == 9 && char.IsLetter(parts[^1][0]) ? string.Join(' ', parts[..^1]) : key;
        var status = Enum<ValueStatus>(after, "Status") is { } s ? $" ({Lower(Display.Words(s))})" : string.Empty;
        var newValue = ValueText(after);
        if (before is null)
        {
            return $"submitted {subject}: {newValue}{status}";
        }

        var oldValue = ValueText(before);
        var oldStatus = Enum<ValueStatus>(before, "Status");
        var newStatus = Enum<ValueStatus>(after, "Status");
        if (oldValue == newValue && oldStatus != newStatus && oldStatus is { } o && newStatus is { } n)
        {
            return $"changed {subject} from {Lower(Display.Words(o))} to {Lower(Display.Words(n))} ({newValue})";
        }

        return $"changed {subject} from {oldValue} to {newValue}{status}";
    }

    private static string ValueText(JsonElement? data)
    {
        if (Number(data, "Value") is { } value)
        {
            var text = Figure(value);
            return Number(data, "Count") is { } count && Number(data, "Denominator") is { } denominator
                ? $"{text} ({Figure(count)} of {Figure(denominator)})"
                : text;
        }

        return Text(data, "MissingReason") is { Length: > 0 } reason ? $"no value (“{Shorten(reason)}”)" : "no value";
    }

    private static string ActionUpdate(AuditEntry entry, JsonElement? before, JsonElement? after)
    {
        var title = entry.EntityKey.Split(' ', 2) is [var id, var rest] && int.TryParse(id, CultureInfo.InvariantCulture, out _) ? rest : entry.EntityKey;
        var changes = new List<string>();
        if (Enum<ActionStatus>(after, "Status") is { } status)
        {
            var was = Enum<ActionStatus>(before, "Status");
            changes.Add(was is { } w && w != status ? $"status from {Lower(Display.Words(w))} to {Lower(Display.Words(status))}" : $"status {Lower(Display.Words(status))}");
        }

        if (Enum<Rag>(after, "Rag") is { } rag)
        {
            var was = Enum<Rag>(before, "Rag");
            changes.Add(was is { } w && w != rag ? $"rating from {Lower(Display.Words(w))} to {Lower(Display.Words(rag))}" : $"rating {Lower(Display.Words(rag))}");
        }

        var note = Text(after, "Text") is { Length: > 0 } t ? $", noting “{Shorten(t)}”" : string.Empty;
        return $"updated the action “{title}”: {string.Join(", ", changes)}{note}";
    }

    private static string UserChange(AuditEntry entry, JsonElement? before, JsonElement? after)
    {
        var person = entry.EntityKey;
        return entry.Action switch
        {
            "User created" => $"added {Text(after, "DisplayName") ?? person} ({person}) as {RoleName(Text(after, "Role"))}{(Text(after, "Organisation") is { Length: > 0 } org ? $" of {org}" : "")}",
            "User disabled" => $"disabled {person}'s account and ended their sessions",
            "User re-enabled" => $"re-enabled {person}'s account",
            "User unlocked" => $"unlocked {person}'s account",
            "Role changed" => $"changed {person}'s role from {string.Join(", ", (List(before, "Roles") ?? "none").Split(", ").Select(RoleName))} to {string.Join(", ", (List(after, "Roles") ?? "none").Split(", ").Select(RoleName))} and ended their sessions",
            "Password reset" => $"reset {person}'s password ({Text(after, "Method") ?? "reset"}) and ended their sessions",
            "Password changed" => "changed their password and ended their other sessions" + (Text(after, "Temporary") is { Length: > 0 } ? ", replacing a temporary password" : ""),
            "Password change refused" => $"tried to change their password and was refused ({Text(after, "Reason") ?? "not accepted"})",
            "Password set with a one-time link" => "set their password with a one-time link, ending their sessions",
            "Password link refused" => $"tried a password link that no longer works ({Text(after, "Reason") ?? "refused"})",
            _ => $"{Lower(entry.Action)} ({person}){Rest(before, after)}",
        };
    }

    private static string SignIn(AuditEntry entry, JsonElement? after)
    {
        var address = Text(after, "Address") ?? "unknown";
        var reason = Text(after, "Reason") is { Length: > 0 } r ? $" ({r})" : string.Empty;
        return $"{entry.Action}: {entry.EntityKey} from address {address}{reason}";
    }

    private static string RoleName(string? role) => role is null ? "no role" : Security.Roles.DisplayName(role);

    private static string Rest(JsonElement? before, JsonElement? after)
    {
        var text = new StringBuilder();
        if (Pairs(before) is { Length: > 0 } b)
        {
            text.Append(" — before: ").Append(b);
        }

        if (Pairs(after) is { Length: > 0 } a)
        {
            text.Append(before is null ? " — " : "; after: ").Append(a);
        }

        return text.ToString();
    }

    private static string? Pairs(JsonElement? data) => data is { ValueKind: JsonValueKind.Object } o
        ? string.Join(", ", o.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => $"{Lower(p.Name)} {Plain(p.Value)}"))
        : null;

    private static string Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "“" + Shorten(value.GetString()!) + "”",
        JsonValueKind.Number => Figure(value.GetDouble()),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Plain)),
        _ => value.GetRawText(),
    };

    private static JsonElement? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Property(JsonElement? data, string name) =>
        data is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var p) && p.ValueKind != JsonValueKind.Null ? p : null;

    private static double? Number(JsonElement? data, string name) => Property(data, name) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;

    private static string? Text(JsonElement? data, string name) => Property(data, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { } other => Plain(other),
        null => null,
    };

    private static string? List(JsonElement? data, string name) => Property(data, name) is { ValueKind: JsonValueKind.Array } a
        ? string.Join(", ", a.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()))
        : null;

    private static TEnum? Enum<TEnum>(JsonElement? data, string name)
        where TEnum : struct, Enum => Property(data, name) switch
        {
            { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) && System.Enum.IsDefined(typeof(TEnum), i) => (TEnum)System.Enum.ToObject(typeof(TEnum), i),
            { ValueKind: JsonValueKind.String } s when System.Enum.TryParse<TEnum>(s.GetString(), out var e) => e,
            _ => null,
        };

    /// <summary>A number as written: at most the digits it needs (15 significant), with thousands separators.</summary>
    private static string Figure(double value)
    {
        var rounded = Math.Round(value, 6);
        return rounded % 1 == 0 ? rounded.ToString("N0", EnGb) : rounded.ToString("#,##0.######", EnGb);
    }

    private static string Count(double n, string noun) => $"{Figure(n)} {noun}{(n == 1 ? "" : "s")}";

    private static string Lower(string text) => text.Length > 0 && !(text.Length > 1 && char.IsUpper(text[1])) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string Shorten(string? text)
    {
        var flat = (text ?? string.Empty).ReplaceLineEndings(" ").Trim();
        return flat.Length <= 120 ? flat : flat[..117].TrimEnd() + "…";
    }
}
