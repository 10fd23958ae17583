// The guide offline: registers the service worker the build wrote with Workbox (sw.js), says in
// Dutch when a newer version is ready (a button loads it; never a silent reload) and when the page
// is the stored copy because there is no network. Without service workers (old browser, plain
// HTTP, some private windows) or under `mkdocs serve` the guide works as an ordinary site.
(() => {
  const workerUrl = document.currentScript?.dataset.serviceWorker; // absent under `mkdocs serve`
  const container = navigator.serviceWorker;
  if (!container) return;
  if (!workerUrl) {
    retireEarlierWorkers();
    return;
  }
  const UPDATE_CHECK_MS = 60 * 60 * 1000;
  const notices = noticeArea();
  let checkFailed = false;

  container.register(workerUrl).then((registration) => {
    watchForUpdates(registration);
    setInterval(() => checkForUpdate(registration), UPDATE_CHECK_MS);
  }).catch(() => {}); // no worker (quota, policy, private window): the guide stays an ordinary site
  window.addEventListener("online", () => { checkFailed = false; showOfflineState(); });
  window.addEventListener("offline", showOfflineState);
  showOfflineState();

  /** A live region at the top of the content for the two notices. */
  function noticeArea() {
    const area = document.createElement("div");
    area.className = "rw-notices";
    area.innerHTML = '<p class="rw-notice" id="rw-offline" role="status"></p>' +
      '<div class="rw-notice" id="rw-update" role="status"></div>';
    (document.querySelector(".md-content") ?? document.body).prepend(area);
    return { offline: area.querySelector("#rw-offline"), update: area.querySelector("#rw-update") };
  }

  function watchForUpdates(registration) {
    if (registration.waiting && container.controller) offerUpdate(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker?.addEventListener("statechange", () => {
        // With no controller this is the first install, not an update.
        if (worker.state === "installed" && container.controller) offerUpdate(worker);
      });
    });
  }

  function checkForUpdate(registration) {
    registration.update().then(() => {
      checkFailed = false;
    }, () => {
      checkFailed = true; // the server cannot be reached although the device thinks it is online
    }).then(showOfflineState);
  }

  function offerUpdate(worker) {
    notices.update.replaceChildren(
      Object.assign(document.createElement("span"), { textContent: "Er is een nieuwe versie van deze gids. " }),
      Object.assign(document.createElement("button"), {
        type: "button", className: "md-button md-button--primary", textContent: "Nieuwe versie laden",
        onclick: (event) => {
          event.currentTarget.disabled = true;
          if (worker.state === "activated") { // another tab already took the new version
            window.location.reload();
            return;
          }
          // Only this tab reloads, because the visitor asked; other open tabs keep what they show.
          container.addEventListener("controllerchange", () => window.location.reload(), { once: true });
          worker.postMessage({ type: "SKIP_WAITING" });
        },
      }),
    );
  }

  async function showOfflineState() {
    const offline = container.controller && (!navigator.onLine || checkFailed);
    if (!offline) {
      notices.offline.textContent = "";
      return;
    }
    const stored = await storedDate();
    notices.offline.textContent = "Je bent offline; je ziet de opgeslagen versie" +
      (stored ? ` van ${dutchDate(stored)}.` : ".");
  }

  /** "3 december 2026". The formatter is made only when a date is shown: loading a locale's data
   * costs tens of milliseconds on every page otherwise. */
  function dutchDate(date) {
    return new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric" }).format(date);
  }

  /** When this page was stored: the Date header of its copy in the worker's cache. */
  async function storedDate() {
    try {
      const path = window.location.pathname;
      const response = await caches.match(path.endsWith("/") ? `${path}index.html` : path, { ignoreSearch: true });
      const date = new Date(response?.headers.get("date") ?? "");
      return Number.isNaN(date.getTime()) ? null : date;
    } catch {
      return null; // no Cache Storage (private window, policy)
    }
  }

  function retireEarlierWorkers() {
    container.getRegistrations()
      .then((registrations) => Promise.all(registrations.map((registration) => registration.unregister())))
      .catch(() => {});
  }
})();
