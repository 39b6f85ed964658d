using System.Runtime.InteropServices;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// A database file and its write-ahead log read through a shared memory map of the file rather than a <c>pread</c> a page
/// (<see cref="WalFrameBuffer"/>, the process's SQLite file system, calls it for each it opens, on 64-bit Linux). SQLite
/// reads a page at a time, each a system call: in a simulated year of 10,000 pupils some 1.25 million of them, the log's
/// mostly the checkpointer's, copying it back, and the writer's. A shared map of a file is the kernel's own cache of it,
/// the same pages a <c>pwrite</c> fills, whoever writes them, this process or another: a read from the map sees what a
/// <c>pread</c> would, and no copy is kept anywhere that could fall behind the file (docs/benchmark-log.md, 5 December 2026).
///
/// <para>Not SQLite's own map (<c>PRAGMA mmap_size</c>, slower here: it maps the file again as it grows, and hands out
/// its pages in place). This map is made once, far longer than the file, and copied from as a read would be.</para>
///
/// <para>A map reaches past the end of its file, and touching a page there stops the process (<c>SIGBUS</c>), so a read
/// is served from the map only below what this process knows the file holds: what its connections wrote to it, or read
/// from it whole through SQLite's own reads. A truncation through this process, and a size it learns, lower that mark;
/// everything else goes to SQLite's own reads, as before. SQLite reads only pages and frames its snapshot says the file
/// holds, and truncates a file (a <c>TRUNCATE</c> checkpoint, the database after a <c>VACUUM</c>) only when no reader
/// needs what is cut, from this process or another, so no read it asks for lies past the file's end.</para>
///
/// <para>One map for each file (by device and inode of the descriptor SQLite opened), shared by every connection of the
/// process that has it open, and released when the last closes. The map holds the file it was made of: a file deleted
/// and made again under the same name is another inode, with a map of its own.</para>
/// </summary>
internal static unsafe class SqliteFileMap
{
    /// <summary>What one file's map holds, in memory of its own (shared by the file's open handles).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Map
    {
        public byte* Base;
        public long Mapped;
        // The bytes from the file's start that this process knows are in the file; read and raised concurrently.
        public long Valid;
        public int Users;
    }

    // A map's reach: 16 GiB of addresses, which cost no memory until read; a read past it goes to SQLite's own read.
    private static readonly long MapLength = 1L << 34;
    private const int ProtectRead = 1;
    private const int Shared = 1;
    // The unix file system's file (unixFile) begins with its methods, its file system and its inode's record, then the
    // descriptor: at 24 bytes on a 64-bit process. Checked against the file's name before use (Acquire).
    private const int DescriptorOffset = 24;
    // struct stat begins with st_dev and st_ino (8 bytes each) on Linux's 64-bit architectures; 144 bytes at most.
    private const int StatSize = 256;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<(ulong Device, ulong Inode), IntPtr> Maps = [];

    /// <summary>True where files are read through maps (64-bit Linux); elsewhere every read is SQLite's own.</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>Reads this process made from maps, for tests and profiles.</summary>
    public static long ReadsServed => Interlocked.Read(ref _served);

    private static long _served;

    /// <summary>
    /// The map of the file SQLite just opened (<paramref name="file"/>, by the name at <paramref name="name"/>), made on its
    /// first open; null where none can be made, and then every read of that file is SQLite's own.
    /// </summary>
    public static Map* Acquire(IntPtr name, IntPtr file)
    {
        if (!Supported || name == IntPtr.Zero || file == IntPtr.Zero) return null;
        var fd = *(int*)(file + DescriptorOffset);
        if (fd < 0 || Identity(fd, null) is not { } opened || Identity(-1, (byte*)name) != opened) return null;
        lock (Gate)
        {
            if (Maps.TryGetValue(opened, out var found))
            {
                ((Map*)found)->Users++;
                return (Map*)found;
            }
            var at = mmap(IntPtr.Zero, (nuint)MapLength, ProtectRead, Shared, fd, 0);
            if (at == new IntPtr(-1)) return null;
            var map = (Map*)NativeMemory.AllocZeroed((nuint)sizeof(Map));
            map->Base = (byte*)at;
            map->Mapped = MapLength;
            map->Users = 1;
            Maps[opened] = (IntPtr)map;
            return map;
        }
    }

    /// <summary>One of the file's handles closed; the last one's close releases the map.</summary>
    public static void Release(Map* map)
    {
        if (map == null) return;
        lock (Gate)
        {
            if (--map->Users > 0) return;
            foreach (var (key, value) in Maps)
            {
                if (value != (IntPtr)map) continue;
                Maps.Remove(key);
                break;
            }
            _ = munmap((IntPtr)map->Base, (nuint)map->Mapped);
            NativeMemory.Free(map);
        }
    }

    /// <summary>Copies a read from the map when all of it lies below the known end of the file; false otherwise.</summary>
    public static bool TryRead(Map* map, byte* data, int amount, long offset)
    {
        if (map == null || offset < 0 || amount <= 0) return false;
        var end = offset + amount;
        if (end > map->Mapped || end > Volatile.Read(ref map->Valid)) return false;
        Buffer.MemoryCopy(map->Base + offset, data, amount, amount);
        Interlocked.Increment(ref _served);
        return true;
    }

    /// <summary>The file is known to hold at least <paramref name="end"/> bytes (written through, or read whole).</summary>
    public static void Holds(Map* map, long end)
    {
        if (map == null) return;
        var known = Volatile.Read(ref map->Valid);
        while (end > known)
        {
            var seen = Interlocked.CompareExchange(ref map->Valid, end, known);
            if (seen == known) return;
            known = seen;
        }
    }

    /// <summary>The file holds at most <paramref name="size"/> bytes (about to be truncated, or its size as read).</summary>
    public static void AtMost(Map* map, long size)
    {
        if (map == null) return;
        var known = Volatile.Read(ref map->Valid);
        while (known > size)
        {
            var seen = Interlocked.CompareExchange(ref map->Valid, Math.Max(0, size), known);
            if (seen == known) return;
            known = seen;
        }
    }

    // The device and inode of an open descriptor, or of a file by its name; null when the call fails.
    private static (ulong, ulong)? Identity(int fd, byte* path)
    {
        var buffer = stackalloc byte[StatSize];
        try
        {
            if ((path == null ? fstat(fd, buffer) : stat(path, buffer)) != 0) return null;
        }
        catch (EntryPointNotFoundException)
        {
            // A C library older than glibc 2.33 has no fstat of its own to call: no map.
            return null;
        }
        return (*(ulong*)buffer, *(ulong*)(buffer + 8));
    }

    [DllImport("libc", EntryPoint = "fstat")]
    private static extern int fstat(int fd, byte* buffer);

    [DllImport("libc", EntryPoint = "stat")]
    private static extern int stat(byte* path, byte* buffer);

    [DllImport("libc", EntryPoint = "mmap")]
    private static extern IntPtr mmap(IntPtr address, nuint length, int protection, int flags, int fd, long offset);

    [DllImport("libc", EntryPoint = "munmap")]
    private static extern int munmap(IntPtr address, nuint length);
}
