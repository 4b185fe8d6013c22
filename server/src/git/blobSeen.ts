/**
 * The blobs a history scan has already handled, so a file version met again (a revert, a cherry-pick, the same
 * file on two branches) is not read and scanned twice. Bounded: past the limit the oldest names are forgotten,
 * which costs a rescan at worst, so memory stays flat however long the history.
 */

/** Blob names remembered, at most (about 7 MB of memory). */
const LIMIT = 65_536;

/** A bounded set of blob names, forgetting the oldest first. */
export class BlobSeen {
  private readonly names = new Set<string>();

  constructor(private readonly limit = LIMIT) {}

  /** True when `blob` was added and not yet forgotten. */
  has(blob: string): boolean {
    return this.names.has(blob);
  }

  /** Remembers `blob`, forgetting the oldest name when full. */
  add(blob: string): void {
    if (this.names.size >= this.limit) this.names.delete(this.names.values().next().value!);
    this.names.add(blob);
  }
}
