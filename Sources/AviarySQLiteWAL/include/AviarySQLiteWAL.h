#ifndef AVIARY_SQLITE_WAL_H
#define AVIARY_SQLITE_WAL_H

/// The name of Aviary's SQLite VFS: the platform's default VFS with write-ahead-log writes
/// coalesced (see CoalescingVFS.c). Pass it to `sqlite3_open_v2` after registering it.
#define AVIARY_WAL_VFS_NAME "aviary-wal"

/// Registers the `aviary-wal` VFS over the current default VFS (once per process; later calls do
/// nothing). Returns an SQLite result code: SQLITE_OK, or SQLITE_ERROR when there is no default VFS.
int aviary_wal_vfs_register(void);

/// Counters of the WAL files opened through the VFS, for tests and diagnostics.
typedef struct AviaryWALStats {
    /// Writes SQLite asked for on WAL files.
    long long logicalWrites;
    /// Writes that reached the underlying VFS.
    long long physicalWrites;
} AviaryWALStats;

/// The counters since the process started.
AviaryWALStats aviary_wal_vfs_stats(void);

#endif
