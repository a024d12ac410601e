// A pass-through SQLite VFS that coalesces the writes of a write-ahead log.
//
// SQLite appends each WAL frame as two writes (its 24-byte header, then the page), so a commit of
// n pages costs 2n `pwrite`s, each touching one or two file-system pages that straddle the
// unaligned frames. This VFS keeps a WAL file's contiguous appends in memory and hands them to the
// underlying VFS as one write when the transaction's commit frame is complete — the frame whose
// header carries the database size after the commit (non-zero only on commit frames, per the WAL
// file format) — and before any other operation on the file (read, sync, truncate, size, lock,
// file control, close) or a write elsewhere. So:
//
// * every committed frame is in the file before SQLite publishes the commit in the WAL index
//   (it does that after its last frame write returns), so other connections and processes, and
//   recovery after a crash, see exactly what they would without this VFS;
// * a failure to write the buffer is reported by the write that completes the commit (or by the
//   operation that needed the flush), so SQLite rolls the transaction back as it would for any
//   failed write;
// * frames that are not committed yet may sit in memory; losing them in a crash is the same as
//   losing an uncommitted transaction.
//
// SQLite writes a frame's header on its own (one 24-byte write), so a commit frame is recognised
// by that write. With `synchronous = FULL` SQLite may split writes at a sector boundary and syncs
// there and after the commit; a sync writes the buffer out too, so a split header that is not
// recognised still reaches the file before the commit is published, and a misread split write
// only writes the buffer out early.
//
// Every other file (the database itself, rollback journals, temporary files) is opened directly
// by the underlying VFS into the same memory, so it runs the platform's code with no extra step.

#include "AviarySQLiteWAL.h"
#include "sqlite_nio_sqlite3.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/// A WAL file: our methods first, the underlying VFS's file right after.
typedef struct WALFile {
    sqlite3_file base;
    sqlite3_file *real;
    /// kMaxBuffer bytes, allocated when the file is opened.
    unsigned char *buffer;
    sqlite3_int64 bufferOffset;
    int bufferLength;
    /// The last buffered write was a commit frame's header: the next write (its page) completes
    /// the transaction.
    int commitPending;
} WALFile;

/// Above this many buffered bytes the buffer is written out even without a commit. The unix VFS
/// writes at most 128 KiB in one call (a longer write reports SQLITE_FULL), and a commit of
/// 16 frames is already one write per 64 KiB.
enum { kMaxBuffer = 64 * 1024, kFrameHeaderSize = 24 };

static sqlite3_vfs aviaryVFS;
static sqlite3_vfs *underlying;
static const sqlite3_io_methods walMethods;
static atomic_llong logicalWrites;
static atomic_llong physicalWrites;

/// One write to the underlying file.
static int passOn(WALFile *file, const void *data, int amount, sqlite3_int64 offset) {
    atomic_fetch_add_explicit(&physicalWrites, 1, memory_order_relaxed);
    return file->real->pMethods->xWrite(file->real, data, amount, offset);
}

static int flush(WALFile *file) {
    if (file->bufferLength == 0) return SQLITE_OK;
    int length = file->bufferLength;
    file->bufferLength = 0;
    file->commitPending = 0;
    return passOn(file, file->buffer, length, file->bufferOffset);
}

static int walWrite(sqlite3_file *f, const void *data, int amount, sqlite3_int64 offset) {
    WALFile *file = (WALFile *)f;
    atomic_fetch_add_explicit(&logicalWrites, 1, memory_order_relaxed);
    int rc;
    int completesCommit = file->commitPending;
    int contiguous = file->bufferLength > 0 && offset == file->bufferOffset + file->bufferLength;
    if (!contiguous || file->bufferLength + amount > kMaxBuffer) {
        if ((rc = flush(file)) != SQLITE_OK) return rc;
        if (amount > kMaxBuffer || completesCommit) return passOn(file, data, amount, offset);
        file->bufferOffset = offset;
    }
    memcpy(file->buffer + file->bufferLength, data, (size_t)amount);
    file->bufferLength += amount;
    if (completesCommit) return flush(file);
    if (amount == kFrameHeaderSize) {
        const unsigned char *header = data;
        // Bytes 4-7 of a frame header: the database size in pages after a commit, else zero.
        file->commitPending = (header[4] | header[5] | header[6] | header[7]) != 0;
    }
    return SQLITE_OK;
}

static int walClose(sqlite3_file *f) {
    WALFile *file = (WALFile *)f;
    int rc = flush(file);
    int closed = file->real->pMethods->xClose(file->real);
    free(file->buffer);
    file->buffer = NULL;
    return rc != SQLITE_OK ? rc : closed;
}

/// Writes the buffer out, then hands the call to the underlying file.
#define FLUSHED(f, method, ...)                                             \
    WALFile *file = (WALFile *)(f);                                         \
    int rc = flush(file);                                                   \
    return rc != SQLITE_OK ? rc : file->real->pMethods->method(file->real, __VA_ARGS__)

/// Hands the call to the underlying file (nothing it does depends on unwritten frames).
#define FORWARDED(f, method, ...) \
    return ((WALFile *)(f))->real->pMethods->method(((WALFile *)(f))->real, ##__VA_ARGS__)

static int walRead(sqlite3_file *f, void *data, int amount, sqlite3_int64 offset) { FLUSHED(f, xRead, data, amount, offset); }
static int walTruncate(sqlite3_file *f, sqlite3_int64 size) { FLUSHED(f, xTruncate, size); }
static int walSync(sqlite3_file *f, int flags) { FLUSHED(f, xSync, flags); }
static int walFileSize(sqlite3_file *f, sqlite3_int64 *size) { FLUSHED(f, xFileSize, size); }
static int walLock(sqlite3_file *f, int level) { FLUSHED(f, xLock, level); }
static int walUnlock(sqlite3_file *f, int level) { FLUSHED(f, xUnlock, level); }
static int walFileControl(sqlite3_file *f, int op, void *arg) { FLUSHED(f, xFileControl, op, arg); }
static int walCheckReservedLock(sqlite3_file *f, int *out) { FORWARDED(f, xCheckReservedLock, out); }
static int walSectorSize(sqlite3_file *f) { FORWARDED(f, xSectorSize); }
static int walDeviceCharacteristics(sqlite3_file *f) { FORWARDED(f, xDeviceCharacteristics); }

// Version 1 methods: SQLite maps shared memory and memory-maps only the database file, never
// the WAL, so the WAL needs none of the later methods.
static const sqlite3_io_methods walMethods = {
    1, walClose, walRead, walWrite, walTruncate, walSync, walFileSize, walLock, walUnlock,
    walCheckReservedLock, walFileControl, walSectorSize, walDeviceCharacteristics,
    NULL, NULL, NULL, NULL, NULL, NULL,
};

static int vfsOpen(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *f, int flags, int *outFlags) {
    (void)vfs;
    if (!(flags & SQLITE_OPEN_WAL)) return underlying->xOpen(underlying, name, f, flags, outFlags);
    WALFile *file = (WALFile *)f;
    memset(file, 0, sizeof(WALFile));
    file->real = (sqlite3_file *)(file + 1);
    int rc = underlying->xOpen(underlying, name, file->real, flags, outFlags);
    if (rc != SQLITE_OK) return rc;
    if (!(file->buffer = malloc(kMaxBuffer))) {
        file->real->pMethods->xClose(file->real);
        return SQLITE_NOMEM;
    }
    file->base.pMethods = &walMethods;
    return SQLITE_OK;
}

static int vfsDelete(sqlite3_vfs *v, const char *name, int syncDir) { (void)v; return underlying->xDelete(underlying, name, syncDir); }
static int vfsAccess(sqlite3_vfs *v, const char *name, int flags, int *out) { (void)v; return underlying->xAccess(underlying, name, flags, out); }
static int vfsFullPathname(sqlite3_vfs *v, const char *name, int n, char *out) { (void)v; return underlying->xFullPathname(underlying, name, n, out); }
static void *vfsDlOpen(sqlite3_vfs *v, const char *name) { (void)v; return underlying->xDlOpen(underlying, name); }
static void vfsDlError(sqlite3_vfs *v, int n, char *out) { (void)v; underlying->xDlError(underlying, n, out); }
static void (*vfsDlSym(sqlite3_vfs *v, void *h, const char *name))(void) { (void)v; return underlying->xDlSym(underlying, h, name); }
static void vfsDlClose(sqlite3_vfs *v, void *h) { (void)v; underlying->xDlClose(underlying, h); }
static int vfsRandomness(sqlite3_vfs *v, int n, char *out) { (void)v; return underlying->xRandomness(underlying, n, out); }
static int vfsSleep(sqlite3_vfs *v, int micros) { (void)v; return underlying->xSleep(underlying, micros); }
static int vfsCurrentTime(sqlite3_vfs *v, double *out) { (void)v; return underlying->xCurrentTime(underlying, out); }
static int vfsGetLastError(sqlite3_vfs *v, int n, char *out) { (void)v; return underlying->xGetLastError(underlying, n, out); }
static int vfsCurrentTimeInt64(sqlite3_vfs *v, sqlite3_int64 *out) { (void)v; return underlying->xCurrentTimeInt64(underlying, out); }
static int vfsSetSystemCall(sqlite3_vfs *v, const char *name, sqlite3_syscall_ptr call) { (void)v; return underlying->xSetSystemCall(underlying, name, call); }
static sqlite3_syscall_ptr vfsGetSystemCall(sqlite3_vfs *v, const char *name) { (void)v; return underlying->xGetSystemCall(underlying, name); }
static const char *vfsNextSystemCall(sqlite3_vfs *v, const char *name) { (void)v; return underlying->xNextSystemCall(underlying, name); }

static int registration = SQLITE_ERROR;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void registerOnce(void) {
    if (sqlite_nio_sqlite3_initialize() != SQLITE_OK) return;
    underlying = sqlite_nio_sqlite3_vfs_find(NULL);
    if (!underlying || underlying->iVersion < 3) return;
    int fileSize = (int)sizeof(WALFile) + underlying->szOsFile;
    aviaryVFS = (sqlite3_vfs){
        3, fileSize, underlying->mxPathname, NULL, AVIARY_WAL_VFS_NAME, NULL,
        vfsOpen, vfsDelete, vfsAccess, vfsFullPathname, vfsDlOpen, vfsDlError, vfsDlSym, vfsDlClose,
        vfsRandomness, vfsSleep, vfsCurrentTime, vfsGetLastError, vfsCurrentTimeInt64,
        vfsSetSystemCall, vfsGetSystemCall, vfsNextSystemCall,
    };
    registration = sqlite_nio_sqlite3_vfs_register(&aviaryVFS, 0);
}

int aviary_wal_vfs_register(void) {
    pthread_once(&once, registerOnce);
    return registration;
}

AviaryWALStats aviary_wal_vfs_stats(void) {
    AviaryWALStats stats = {
        atomic_load_explicit(&logicalWrites, memory_order_relaxed),
        atomic_load_explicit(&physicalWrites, memory_order_relaxed),
    };
    return stats;
}
