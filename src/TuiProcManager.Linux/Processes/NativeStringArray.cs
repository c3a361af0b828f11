using System.Runtime.InteropServices;
using System.Text;

namespace TuiProcManager.Linux.Processes;

/// <summary>A NULL-terminated array of NUL-terminated UTF-8 strings in native memory (argv, envp).</summary>
internal sealed unsafe class NativeStringArray : IDisposable
{
    private readonly byte** _array;
    private readonly int _count;
    private bool _disposed;

    public NativeStringArray(IReadOnlyList<string> strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        _count = strings.Count;
        _array = (byte**)NativeMemory.AllocZeroed((nuint)(_count + 1), (nuint)sizeof(byte*));
        for (int i = 0; i < _count; i++)
        {
            _array[i] = Utf8(strings[i]);
        }
    }

    public byte** Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _array;
        }
    }

    /// <summary>A native NUL-terminated UTF-8 copy of <paramref name="text"/>; free it with <see cref="NativeMemory.Free"/>.</summary>
    public static byte* Utf8(string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("Arguments and environment entries cannot contain NUL characters.", nameof(text));
        }

        int length = Encoding.UTF8.GetByteCount(text);
        byte* native = (byte*)NativeMemory.Alloc((nuint)length + 1);
        Encoding.UTF8.GetBytes(text, new Span<byte>(native, length));
        native[length] = 0;
        return native;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        for (int i = 0; i < _count; i++)
        {
            NativeMemory.Free(_array[i]);
        }

        NativeMemory.Free(_array);
    }
}
