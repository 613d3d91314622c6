namespace CommunitySafety.Assessment.Internals;

/// <summary>Reads the shipped defaults embedded from <c>Defaults/</c>.</summary>
internal static class DefaultFiles
{
    public static string Read(string fileName)
    {
        var name = "Defaults." + fileName;
        using var stream = typeof(DefaultFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The default '{fileName}' is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The name a default is reported under, e.g. <c>default matrix.json</c>.</summary>
    public static string SourceName(string fileName) => "default " + fileName;
}
