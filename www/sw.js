// Briques service worker: keeps the app shell so the app opens with no network and
// no server. scripts/build-app fills in the version (a hash of the bundle) and the
// list of files; a new build is a new cache, and old caches are deleted.
const VERSION = '__VERSION__';
const CACHE = `briques-${VERSION}`;
const SHELL = __PRECACHE__;
// The budget explorer's bundle: kept when a budget page is open (see 'activate'), and
// on its first use after that; not on every phone that joins a live session.
const BUDGET = __BUDGET_FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith('briques-') && key !== CACHE).map((key) => caches.delete(key)),
      ))
      .then(() => self.clients.claim())
      // A budget page opened before this worker controlled it fetched its bundle past
      // the cache: keep it now, so that the page opens again offline.
      .then(() => self.clients.matchAll({ type: 'window' }))
      .then((clients) => (clients.some((c) => new URL(c.url).pathname === '/budget')
        ? caches.open(CACHE).then((cache) => cache.addAll(BUDGET))
        : undefined)),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Only this server's files; live-session API calls always go to the network.
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  // A participant's page of a live session (/live/{code}) and its files are the
  // server's, not the app's: the network alone (the cached app shell is not that page).
  if (/^\/live\/[^/]+\/?$/.test(url.pathname) || url.pathname.startsWith('/participant.')) return;

  if (request.mode === 'navigate') {
    // Pages: the network first (a fresh version, or the server's 404 page), the
    // cached shell when the server cannot be reached.
    event.respondWith(fetch(request).catch(() => caches.match('/', { cacheName: CACHE })));
    return;
  }
  // The commune directory and the budget explorer's and live pages' bundles are not precached (a
  // participant's phone never needs them): they are kept the first time they are used,
  // so that the search and the explorer work offline after.
  if (url.pathname.startsWith('/communes/') || url.pathname.startsWith('/pkg/budget-') || url.pathname.startsWith('/pkg/live-')) {
    event.respondWith(
      caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request).then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })),
    );
    return;
  }
  // Files: the cache first (names under /pkg/ change with their content).
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)),
  );
});
