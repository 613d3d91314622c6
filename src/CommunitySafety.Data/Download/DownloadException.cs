namespace CommunitySafety.Data.Download;

/// <summary>Why a download failed, in one sentence a user can act on (the URL, what happened, what to do).</summary>
public sealed class DownloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DownloadException(string message, DownloadFailure failure, Exception? inner = null)
        : base(message, inner) => Failure = failure;

    /// <summary>Creates the exception (for serialisers and analyzers).</summary>
    public DownloadException()
        : this("The download failed.", DownloadFailure.Network)
    {
    }

    /// <summary>Creates the exception (for serialisers and analyzers).</summary>
    public DownloadException(string message)
        : this(message, DownloadFailure.Network)
    {
    }

    /// <summary>Creates the exception (for serialisers and analyzers).</summary>
    public DownloadException(string message, Exception inner)
        : this(message, DownloadFailure.Network, inner)
    {
    }

    /// <summary>What kind of failure it was.</summary>
    public DownloadFailure Failure { get; }
}

/// <summary>The kinds of download failure.</summary>
public enum DownloadFailure
{
    /// <summary>The server could not be reached, or the connection kept dropping.</summary>
    Network,

    /// <summary>The file is not published (HTTP 404), e.g. a month police.uk has not released yet.</summary>
    NotPublished,

    /// <summary>The server answered with another error status.</summary>
    ServerError,

    /// <summary>The server sent nothing for longer than the allowed time.</summary>
    TimedOut,

    /// <summary>The file arrived shorter or longer than the server said, or is not what it should be.</summary>
    Damaged,
}
