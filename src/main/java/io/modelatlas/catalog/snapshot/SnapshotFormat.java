package io.modelatlas.catalog.snapshot;

/** What both ends of the snapshot format agree on. */
final class SnapshotFormat {
    static final byte[] MAGIC = {'M', 'A', 'S', 'N', 'A', 'P'};
    /** The last bytes: a snapshot cut short (a full disk, an interrupted build) is told apart before it is read. */
    static final byte[] END = {'E', 'N', 'D', '.'};
    /** Raised with every change of the layout or of what a catalog holds: a snapshot of another version is not read. */
    static final int VERSION = 6;

    private SnapshotFormat() {}
}
