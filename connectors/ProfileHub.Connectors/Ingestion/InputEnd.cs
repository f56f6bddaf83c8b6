namespace ProfileHub.Connectors.Ingestion;

/// <summary>What follows the bytes a reader holds, which decides whether a row they end inside can be cut yet.</summary>
internal enum InputEnd
{
    /// <summary>More of the file follows: a row the bytes end inside is cut once more is read.</summary>
    More,

    /// <summary>The end of a file that its writer may still be appending to: an unfinished last row waits.</summary>
    Unsettled,

    /// <summary>The end of a finished file: a last row without its line break is read as it is.</summary>
    Final,
}
