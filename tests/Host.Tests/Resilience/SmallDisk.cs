using System.Diagnostics;

namespace SendWorkflow.Host.Tests.Resilience;

/// <summary>
/// A small tmpfs mounted on a temp folder, so a test can fill a disk or make it read-only without touching the machine's
/// own. Mounting needs root: elsewhere the test is skipped (reported as skipped, with the reason), never passed.
/// Read-only: as root, file permissions (chmod 444) are not enforced, so the test remounts the tmpfs read-only
/// (<c>mount -o remount,ro</c>), which the kernel enforces for root too (EROFS).
/// </summary>
internal sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string folder) => Folder = folder;

    public string Folder { get; }

    public static async Task<SmallDisk> MountAsync(int megabytes)
    {
        if (!OperatingSystem.IsLinux()) Assert.Skip("This test mounts a tmpfs: Linux only.");
        if (Environment.UserName != "root") Assert.Skip($"This test mounts a tmpfs and must run as root (running as {Environment.UserName}).");
        var folder = TestFiles.Folder("disk-");
        Directory.CreateDirectory(folder);
        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder);
        if (code != 0)
        {
            Directory.Delete(folder);
            Assert.Skip($"mount -t tmpfs failed here ({code}: {output.Trim()}); this test needs a machine where root may mount.");
        }
        return new SmallDisk(folder);
    }

    public async Task RemountReadOnlyAsync()
    {
        var (code, output) = await RunAsync("mount", "-o", "remount,ro", Folder);
        Assert.True(code == 0, $"mount -o remount,ro failed ({code}): {output}");
    }

    /// <summary>Writes a file until the disk is full (ENOSPC); returns its path.</summary>
    public string Fill()
    {
        var path = Path.Combine(Folder, "filler.bin");
        var chunk = new byte[64 * 1024];
        Random.Shared.NextBytes(chunk);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        try
        {
            while (true) file.Write(chunk);
        }
        catch (IOException)
        {
            // ENOSPC: full. Fill the last partial chunk's room too, a byte at a time is too slow; 4 KiB pages will do.
        }
        try
        {
            while (true) file.Write(chunk, 0, 4096);
        }
        catch (IOException)
        {
        }
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        // Lazy unmount: a child that is still closing its files cannot keep the mount alive.
        await RunAsync("umount", "-l", Folder);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
