// `mkdocs serve` writes this sw.js: a browser that still has the worker of an earlier build
// (same address) replaces it with this one, which deletes the stored copies and unregisters, so
// editing never shows stale pages: open tabs of the guide load again from the server. It handles
// no requests.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    await Promise.all((await caches.keys()).map((key) => caches.delete(key)));
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
  })());
});
