// Pyodide memory snapshots kept in this browser (Cache Storage, uncompressed). The worker takes one
// right after its first start, with the calculator imported and before any portfolio is seen, so
// every later start restores Python instead of starting it anew. One snapshot per Pyodide version
// and calculator wheel (the key names both); older ones are deleted. Without Cache Storage (private
// window, full quota) nothing is stored and Python simply starts the plain way.

const CACHE = "registratiewijzer-pyodide-snapshots";

/** The key of the snapshot for this Pyodide folder and wheel URL (which carries its content hash). */
export function snapshotKey(pyodideURL, wheelURL) {
  return new URL(`snapshot?wheel=${encodeURIComponent(wheelURL)}`, pyodideURL).href;
}

/** The stored snapshot, or null: `{bytes()}` reads it (a promise of its bytes), so the caller
 * can read it while doing other work. */
export async function storedSnapshot(key) {
  try {
    const response = await (await caches.open(CACHE)).match(key);
    return response ? { bytes: () => response.arrayBuffer().then((buffer) => new Uint8Array(buffer)) } : null;
  } catch {
    return null;
  }
}

/** Keep `bytes` as the only snapshot; failures (quota, no Cache Storage) are ignored. */
export async function storeSnapshot(key, bytes) {
  try {
    const cache = await caches.open(CACHE);
    await Promise.all((await cache.keys()).filter((request) => request.url !== key).map((request) => cache.delete(request)));
    await cache.put(key, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
  } catch {
    // not stored: the next start is a plain one again
  }
}

/** Drop a snapshot that could not be restored. */
export async function forgetSnapshot(key) {
  try {
    await (await caches.open(CACHE)).delete(key);
  } catch {
    // nothing stored
  }
}
