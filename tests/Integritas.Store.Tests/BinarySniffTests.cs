using Integritas.Domain.Rules;
using Integritas.Store.Ingest;
using Integritas.TestSupport;

namespace Integritas.Store.Tests;

/// <summary>A binary file named as text (or a workbook that is not a zip) is refused from its first bytes, before it is hashed or read in full.</summary>
public sealed class BinarySniffTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Counts every byte read from the files ingest opens to sniff and hash.</summary>
    private sealed class CountingStream(Stream inner, Action<int> count) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count1) => Counted(inner.Read(buffer, offset, count1));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        private int Counted(int n)
        {
            count(n);
            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count1) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    private static byte[] Png(int size)
    {
        var bytes = new byte[size];
        new Random(7).NextBytes(bytes);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        signature.CopyTo(bytes, 0);
        return bytes;
    }

    [Theory]
    [InlineData("picture.csv", "png", "the file is named .csv but is binary data, not CSV text")]
    [InlineData("noise.csv", "random", "the file is named .csv but is binary data, not CSV text")]
    [InlineData("noise.json", "random", "the file is named .json but is binary data")]
    [InlineData("2025_U-01_lke.xlsx", "png", "not a workbook: the file is binary data, not an .xlsx package")]
    public void Ingest_LargeBinaryFile_IsRefusedFromItsFirstBytesWithoutHashingIt(string name, string content, string message)
    {
        const int Size = 32 * 1024 * 1024;
        var bytes = Png(Size);
        if (content == "random")
        {
            new Random(11).NextBytes(bytes.AsSpan(0, 64));
            bytes[3] = 0;
        }
        var path = _dir.Write(name, bytes);
        long read = 0;
        var service = new IngestService(RuleCatalog.Default, FixedClock.Default)
        {
            OpenRead = p => new CountingStream(File.OpenRead(p), n => Interlocked.Add(ref read, n)),
        };
        var database = new ZiDatabase(_dir.File("zi.duckdb"), FixedClock.Default);

        var outcome = Assert.Single(service.Ingest(database, [path]));

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Equal($"{name}: {message}", Assert.Single(outcome.Errors).ToString());
        Assert.InRange(read, 1, 64 * 1024);
    }

    [Fact]
    public void Ingest_TextFile_IsHashedInFull()
    {
        var path = _dir.Write("lke.csv", Some.Lke());
        long read = 0;
        var service = new IngestService(RuleCatalog.Default, FixedClock.Default)
        {
            OpenRead = p => new CountingStream(File.OpenRead(p), n => Interlocked.Add(ref read, n)),
        };

        var outcome = Assert.Single(service.Ingest(new ZiDatabase(_dir.File("zi.duckdb"), FixedClock.Default), [path]));

        Assert.Equal(FileStatus.Accepted, outcome.Status);
        Assert.True(read >= new FileInfo(path).Length, $"read {read} bytes of {new FileInfo(path).Length}");
    }
}
