using System.Diagnostics;

namespace CommunitySafety.Data.Tests.Support;

/// <summary>
/// Runs the test assembly's import entry point (<see cref="ChildProcess.Program"/>) as a real child process, timing the
/// stage lines it prints, and can kill it with SIGKILL at a stage plus a delay.
/// </summary>
public sealed class ChildImport : IDisposable
{
    /// <summary>The stage lines the child prints, in order.</summary>
    public static readonly string[] Stages = ["started", "opened", "parsed", "imported", "done"];

    private readonly Process _process;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Line, TimeSpan At)> _lines = [];
    private readonly Lock _gate = new();
    private readonly System.Text.StringBuilder _error = new();

    private ChildImport(Process process) => _process = process;

    /// <summary>Starts <c>import &lt;store&gt; &lt;args…&gt;</c> in a child process.</summary>
    public static ChildImport Start(string store, params string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(ChildProcess.Program).Assembly.Location);
        start.ArgumentList.Add("import");
        start.ArgumentList.Add(store);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = start };
        var child = new ChildImport(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._gate)
                {
                    child._lines.Add((e.Data, child._clock.Elapsed));
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._gate)
                {
                    child._error.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Lets a child started with <c>--wait</c> go on past <c>opened</c>.</summary>
    public void Release()
    {
        _process.StandardInput.WriteLine("go");
        _process.StandardInput.Flush();
    }

    /// <summary>Waits until the child prints <paramref name="stage"/>.</summary>
    public void WaitFor(string stage, TimeSpan timeout)
    {
        var deadline = _clock.Elapsed + timeout;
        while (TimeOf(stage) is null)
        {
            if (_process.WaitForExit(5) && TimeOf(stage) is null)
            {
                _process.WaitForExit();
                if (TimeOf(stage) is null)
                {
                    throw new InvalidOperationException($"the child exited ({_process.ExitCode}) before '{stage}': {Error}");
                }
            }

            if (_clock.Elapsed > deadline)
            {
                throw new TimeoutException($"the child did not print '{stage}' within {timeout}: {Error}");
            }
        }
    }

    /// <summary>Standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>The exit code (after <see cref="WaitForExit"/>); 137 when killed.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last stage line printed (<c>rows N</c> lines are not stages); <c>none</c> before the first.</summary>
    public string LastStage
    {
        get
        {
            lock (_gate)
            {
                return _lines.Select(l => l.Line).LastOrDefault(l => Stages.Contains(l)) ?? "none";
            }
        }
    }

    /// <summary>When the child printed <paramref name="stage"/>, from its start; null if it has not.</summary>
    public TimeSpan? TimeOf(string stage)
    {
        lock (_gate)
        {
            return _lines.FirstOrDefault(l => l.Line == stage) is { Line: not null } hit ? hit.At : null;
        }
    }

    /// <summary>
    /// Waits until the child prints <paramref name="anchor"/> (or at once for <c>started</c>), then
    /// <paramref name="delay"/> more, then kills it with SIGKILL unless it has exited.
    /// </summary>
    /// <returns>Whether the child was killed (false: it finished first).</returns>
    public bool KillAfter(string anchor, TimeSpan delay, TimeSpan timeout)
    {
        var deadline = _clock.Elapsed + timeout;
        TimeSpan? at = anchor == "started" ? TimeSpan.Zero : null;
        while (at is null)
        {
            if (_process.WaitForExit(5))
            {
                return false;
            }

            at = TimeOf(anchor);
            if (_clock.Elapsed > deadline)
            {
                throw new TimeoutException($"the child did not print '{anchor}' within {timeout}: {Error}");
            }
        }

        var killAt = at.Value + delay;
        var wait = killAt - _clock.Elapsed;
        if (wait > TimeSpan.Zero && _process.WaitForExit(wait))
        {
            return false;
        }

        if (_process.HasExited)
        {
            return false;
        }

        try
        {
            // Process.Kill sends SIGKILL on Linux: no handlers, no finally blocks, no flushing.
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            return false; // exited between the check and the kill
        }

        return true;
    }

    /// <summary>Waits for the child to exit and its output to be read.</summary>
    public void WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the child did not exit within {timeout}: {Error}");
        }

        _process.WaitForExit(); // drains the redirected output
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
