using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SendWorkflow.Persistence.Sqlite;

/// <summary>
/// Writes a commit's frames to the write-ahead log in a few system calls rather than two a page. SQLite writes each
/// frame of the log as its 24-byte header and then its page, each with a <c>pwrite</c> of its own: 140 calls for a commit
/// of 70 pages, about two fifths of what a commit cost on this project's machine. This is a SQLite file system ("VFS")
/// over the default one, made the process's default by <see cref="SqliteProcess"/>: the log's writes that follow one another are kept in
/// memory and written at once when the commit's last frame is written, which is the call that makes the commit, so its
/// error (a full disk) is the commit's. Anything else on the log (a read, a sync, its size, a truncation, a write
/// elsewhere in the file, closing it) writes what is kept first. Until that last frame nothing is visible to a reader:
/// SQLite publishes a commit in the shared memory only after it is written, so readers, other processes and the
/// checkpoints see the same file as without it, and a process killed mid-commit loses only what was never committed.
/// Every other file goes straight to the default file system, but for the reads of the log and of the database file,
/// which go through a shared map of each where one can be made (<see cref="SqliteFileMap"/>).
/// </summary>
internal static unsafe class WalFrameBuffer
{
    private const int SqliteOk = 0;
    private const int OpenMainDb = 0x00000100;
    private const int OpenWal = 0x00080000;
    private const int FrameHeader = 24;
    private const int FirstCapacity = 64 * 1024;
    private const int MaxCapacity = 2 * 1024 * 1024;

    // The default file system writes at most 128 KiB less a byte in one call (and calls a shorter write a full disk).
    private const int WriteLimit = 31 * 4096;

    // sqlite3_vfs (64-bit): iVersion, szOsFile, mxPathname, pNext at 16, zName 24, pAppData 32, xOpen 40; 168 bytes in
    // version 3. sqlite3_io_methods: iVersion, then xClose at 8, xRead 16, xWrite 24, xTruncate 32, xSync 40,
    // xFileSize 48, ..., xFileControl 80; 152 bytes in version 3.
    private static readonly int[] VfsSizes = [0, 136, 144, 168];
    private static readonly int[] MethodsSizes = [0, 104, 136, 152];
    private static readonly Lock Gate = new();
    private static readonly Dictionary<IntPtr, IntPtr> WalMethods = [];
    private static readonly Dictionary<IntPtr, IntPtr> DatabaseMethods = [];
    private static IntPtr _base;
    private static int _extension;

    /// <summary>The name the file system is registered under.</summary>
    public const string Name = "sendworkflow-wal";

    /// <summary>True once the file system is the process's default.</summary>
    public static bool Registered => _base != IntPtr.Zero;

    /// <summary>Registers the file system as the process's default; call it once, before the first connection opens.</summary>
    public static bool Register()
    {
        if (!Environment.Is64BitProcess) return false;
        var original = sqlite3_vfs_find(null);
        if (original == IntPtr.Zero) return false;
        var version = Math.Clamp(*(int*)original, 1, 3);
        var vfs = (byte*)NativeMemory.AllocZeroed((nuint)VfsSizes[3]);
        Buffer.MemoryCopy((void*)original, vfs, VfsSizes[3], VfsSizes[version]);
        var baseSize = *(int*)(original + 4);
        _extension = (baseSize + 7) & ~7;
        *(int*)(vfs + 4) = _extension + sizeof(IntPtr);
        *(IntPtr*)(vfs + 16) = IntPtr.Zero;
        *(IntPtr*)(vfs + 24) = Marshal.StringToCoTaskMemUTF8(Name);
        *(IntPtr*)(vfs + 40) = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, int*, int>)&Open;
        _base = original;
        if (sqlite3_vfs_register((IntPtr)vfs, 1) == SqliteOk) return true;
        _base = IntPtr.Zero;
        return false;
    }

    // What the file system keeps for one open log, in memory of its own (the file's extension points at it).
    private struct Frames
    {
        public IntPtr Methods;
        public byte* Data;
        public int Capacity;
        public int Length;
        public long Start;
        public long Next;
        public int CommitPending;
        public SqliteFileMap.Map* Map;
    }

    private static Frames* FramesOf(IntPtr file) => *(Frames**)(file + _extension);

    private static IntPtr BaseMethod(IntPtr file, int offset) => *(IntPtr*)(FramesOf(file)->Methods + offset);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Open(IntPtr vfs, IntPtr name, IntPtr file, int flags, int* outFlags)
    {
        var open = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, int*, int>)*(IntPtr*)(_base + 40);
        *(IntPtr*)(file + _extension) = IntPtr.Zero;
        var rc = open(_base, name, file, flags, outFlags);
        var methods = *(IntPtr*)file;
        if (rc != SqliteOk || methods == IntPtr.Zero) return rc;
        if ((flags & OpenMainDb) != 0) return OpenDatabase(name, file, methods, rc);
        if ((flags & OpenWal) == 0) return rc;
        return Over(name, file, methods, rc, log: true);
    }

    // A database file: its reads through a map of it too (SqliteFileMap), its writes and sizes straight through, as SQLite's.
    private static int OpenDatabase(IntPtr name, IntPtr file, IntPtr methods, int rc) =>
        SqliteFileMap.Supported ? Over(name, file, methods, rc, log: false) : rc;

    // Puts this file system's methods over SQLite's on a file it has just opened, with what they keep for it.
    private static int Over(IntPtr name, IntPtr file, IntPtr methods, int rc, bool log)
    {
        try
        {
            var frames = (Frames*)NativeMemory.AllocZeroed((nuint)sizeof(Frames));
            frames->Methods = methods;
            frames->Next = -1;
            frames->Map = SqliteFileMap.Acquire(name, file);
            *(Frames**)(file + _extension) = frames;
            *(IntPtr*)file = MethodsOver(methods, log);
            return rc;
        }
        catch (OutOfMemoryException)
        {
            return rc;
        }
    }

    // The log's methods: its frames kept a commit at a time and its reads through its map. A database file's: its reads
    // through its map, and its writes, truncations and sizes told to the map. Every other method is SQLite's own.
    private static IntPtr MethodsOver(IntPtr original, bool log)
    {
        lock (Gate)
        {
            var made = log ? WalMethods : DatabaseMethods;
            if (made.TryGetValue(original, out var found)) return found;
            var version = Math.Clamp(*(int*)original, 1, 3);
            var methods = (byte*)NativeMemory.AllocZeroed((nuint)MethodsSizes[3]);
            Buffer.MemoryCopy((void*)original, methods, MethodsSizes[3], MethodsSizes[version]);
            *(IntPtr*)(methods + 8) = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, int>)&Close;
            *(IntPtr*)(methods + 32) = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, long, int>)&Truncate;
            *(IntPtr*)(methods + 48) = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, long*, int>)&FileSize;
            if (log)
            {
                *(IntPtr*)(methods + 16) = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long, int>)&Read;
                *(IntPtr*)(methods + 24) = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long, int>)&Write;
                *(IntPtr*)(methods + 40) = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, int, int>)&Sync;
                *(IntPtr*)(methods + 80) = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr, int>)&FileControl;
            }
            else
            {
                *(IntPtr*)(methods + 16) = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long, int>)&DatabaseRead;
                *(IntPtr*)(methods + 24) = (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long, int>)&DatabaseWrite;
            }
            made[original] = (IntPtr)methods;
            return (IntPtr)methods;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int DatabaseRead(IntPtr file, byte* data, int amount, long offset)
    {
        var map = FramesOf(file)->Map;
        if (SqliteFileMap.TryRead(map, data, amount, offset)) return SqliteOk;
        var rc = ((delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long, int>)BaseMethod(file, 16))(file, data, amount, offset);
        if (rc == SqliteOk) SqliteFileMap.Holds(map, offset + amount);
        return rc;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int DatabaseWrite(IntPtr file, byte* data, int amount, long offset)
    {
        var rc = ((delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long, int>)BaseMethod(file, 24))(file, data, amount, offset);
        if (rc == SqliteOk) SqliteFileMap.Holds(FramesOf(file)->Map, offset + amount);
        return rc;
    }

    // Writes what is kept; on an error it is dropped, as a write that failed: the transaction that wrote it fails.
    private static int Flush(IntPtr file)
    {
        var frames = FramesOf(file);
        if (frames->Length == 0) return SqliteOk;
        var write = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long, int>)BaseMethod(file, 24);
        var rc = SqliteOk;
        for (var done = 0; done < frames->Length && rc == SqliteOk; done += WriteLimit)
        {
            var length = Math.Min(WriteLimit, frames->Length - done);
            rc = write(file, frames->Data + done, length, frames->Start + done);
            if (rc == SqliteOk) SqliteFileMap.Holds(frames->Map, frames->Start + done + length);
        }
        frames->Length = 0;
        return rc;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Write(IntPtr file, byte* data, int amount, long offset)
    {
        var frames = FramesOf(file);
        var completesCommit = frames->CommitPending != 0;
        frames->CommitPending = amount == FrameHeader && (data[4] | data[5] | data[6] | data[7]) != 0 ? 1 : 0;
        var follows = offset == frames->Next && amount < WriteLimit;
        frames->Next = offset + amount;
        if (!follows) return WriteThrough(file, data, amount, offset);
        if (frames->Length + amount > frames->Capacity && !Grow(frames, frames->Length + amount))
        {
            var flushed = Flush(file);
            if (flushed != SqliteOk) return flushed;
            if (amount > frames->Capacity && !Grow(frames, amount)) return WriteThrough(file, data, amount, offset);
        }
        if (frames->Length == 0) frames->Start = offset;
        Buffer.MemoryCopy(data, frames->Data + frames->Length, frames->Capacity - frames->Length, amount);
        frames->Length += amount;
        return completesCommit ? Flush(file) : SqliteOk;
    }

    private static int WriteThrough(IntPtr file, byte* data, int amount, long offset)
    {
        var flushed = Flush(file);
        if (flushed != SqliteOk) return flushed;
        var write = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long, int>)BaseMethod(file, 24);
        var rc = write(file, data, amount, offset);
        if (rc == SqliteOk) SqliteFileMap.Holds(FramesOf(file)->Map, offset + amount);
        return rc;
    }

    private static bool Grow(Frames* frames, int needed)
    {
        if (needed > MaxCapacity) return false;
        var capacity = Math.Max(frames->Capacity, FirstCapacity);
        while (capacity < needed) capacity *= 2;
        if (capacity == frames->Capacity) return false;
        byte* data;
        try
        {
            data = (byte*)NativeMemory.Realloc(frames->Data, (nuint)capacity);
        }
        catch (OutOfMemoryException)
        {
            // Nothing may leave a call from SQLite as an exception: the writes then go through as SQLite alone makes them.
            return false;
        }
        frames->Data = data;
        frames->Capacity = capacity;
        return true;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Read(IntPtr file, byte* data, int amount, long offset)
    {
        var rc = Flush(file);
        if (rc != SqliteOk) return rc;
        var map = FramesOf(file)->Map;
        if (SqliteFileMap.TryRead(map, data, amount, offset)) return SqliteOk;
        rc = ((delegate* unmanaged[Cdecl]<IntPtr, byte*, int, long, int>)BaseMethod(file, 16))(file, data, amount, offset);
        // Read whole, so the file holds it (a short read is an error code of its own).
        if (rc == SqliteOk) SqliteFileMap.Holds(map, offset + amount);
        return rc;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Truncate(IntPtr file, long size)
    {
        var rc = Flush(file);
        if (rc != SqliteOk) return rc;
        SqliteFileMap.AtMost(FramesOf(file)->Map, size);
        return ((delegate* unmanaged[Cdecl]<IntPtr, long, int>)BaseMethod(file, 32))(file, size);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Sync(IntPtr file, int flags)
    {
        var rc = Flush(file);
        if (rc != SqliteOk) return rc;
        return ((delegate* unmanaged[Cdecl]<IntPtr, int, int>)BaseMethod(file, 40))(file, flags);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int FileSize(IntPtr file, long* size)
    {
        var rc = Flush(file);
        if (rc != SqliteOk) return rc;
        rc = ((delegate* unmanaged[Cdecl]<IntPtr, long*, int>)BaseMethod(file, 48))(file, size);
        if (rc == SqliteOk) SqliteFileMap.AtMost(FramesOf(file)->Map, *size);
        return rc;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int FileControl(IntPtr file, int op, IntPtr argument)
    {
        var rc = Flush(file);
        if (rc != SqliteOk) return rc;
        return ((delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr, int>)BaseMethod(file, 80))(file, op, argument);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Close(IntPtr file)
    {
        var frames = FramesOf(file);
        var flushed = Flush(file);
        var rc = ((delegate* unmanaged[Cdecl]<IntPtr, int>)(*(IntPtr*)(frames->Methods + 8)))(file);
        SqliteFileMap.Release(frames->Map);
        NativeMemory.Free(frames->Data);
        NativeMemory.Free(frames);
        return flushed != SqliteOk ? flushed : rc;
    }

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr sqlite3_vfs_find(byte* name);

    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_vfs_register(IntPtr vfs, int makeDefault);
}
