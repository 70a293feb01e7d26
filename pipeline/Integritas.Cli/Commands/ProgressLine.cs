using Integritas.Domain.Formatting;
using Integritas.Store.Ingest;

namespace Integritas.Cli.Commands;

/// <summary>
/// Ingest progress: on a terminal, one line redrawn in place on standard error (files, rows, rows/s, the
/// current file's share); when output is redirected, a plain line now and then for long runs.
/// </summary>
internal sealed class ProgressLine(CliContext context, int files, long bytes)
{
    private readonly System.Diagnostics.Stopwatch _timer = System.Diagnostics.Stopwatch.StartNew();
    private readonly bool _terminal = context.Interactive && !Console.IsErrorRedirected;
    private int _done;
    private long _rowsBefore;
    private long _bytesBefore;
    private int _lastPlainTenth = -1;
    private bool _drawn;

    /// <summary>Called by ingest while a file is read.</summary>
    public void Within(IngestProgress progress)
    {
        var rows = _rowsBefore + progress.Rows;
        var fraction = bytes > 0 && progress.BytesDone is { } done ? (double)(_bytesBefore + done) / bytes : (double)_done / Math.Max(1, files);
        Show(rows, fraction, progress.File);
    }

    public void FileDone(FileOutcome outcome, long rows)
    {
        _done++;
        _rowsBefore = rows;
        _bytesBefore += File.Exists(outcome.Path) ? new FileInfo(outcome.Path).Length : 0;
        if (files > 1)
        {
            Show(rows, bytes > 0 ? (double)_bytesBefore / bytes : (double)_done / files, null);
        }
    }

    private void Show(long rows, double fraction, string? file)
    {
        var rate = rows / Math.Max(_timer.Elapsed.TotalSeconds, 0.001);
        var text = $"{_done}/{files} files, {rows.ToString("N0", Formats.Indonesian)} rows, {rate.ToString("N0", Formats.Indonesian)} rows/s";
        if (_terminal)
        {
            const int width = 24;
            var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * width);
            var line = $"[{new string('#', filled)}{new string('.', width - filled)}] {fraction * 100:0}% {text}{(file is null ? "" : "  " + file)}";
            context.Error.Write("\r" + (line.Length > 118 ? line[..118] : line.PadRight(118)));
            _drawn = true;
            return;
        }
        var tenth = (int)(Math.Clamp(fraction, 0, 1) * 10);
        if (tenth > _lastPlainTenth && _timer.Elapsed > TimeSpan.FromSeconds(5))
        {
            _lastPlainTenth = tenth;
            context.Error.WriteLine($"progress: {fraction * 100:0}% ({text})");
        }
    }

    /// <summary>Removes the redrawn line before a result line is printed.</summary>
    public void Clear()
    {
        if (_drawn)
        {
            context.Error.Write("\r" + new string(' ', 118) + "\r");
            _drawn = false;
        }
    }
}
