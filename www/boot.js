// Starts the app: loads the content-hashed wasm-bindgen glue and module written by
// scripts/build-app (which fills in the names below), then registers the service worker
// that keeps the app shell available offline. The budget explorer and the facilitator's
// live pages (presenter view, projected screen) are bundles of their own: the address
// says which one this page needs (the app loads the page again when it moves to a page
// of another one).
const path = window.location.pathname;
const bundles = {
  briques: ['__BRIQUES_JS__', '__BRIQUES_WASM__'],
  budget: ['__BUDGET_JS__', '__BUDGET_WASM__'],
  live: ['__LIVE_JS__', '__LIVE_WASM__'],
};
const name = path === '/budget' ? 'budget' : /^\/live\/[^/]+\/(projecteur|ecran)\/?$/.test(path) ? 'live' : 'briques';
const [js, wasm] = bundles[name];

import(`/pkg/${js}`)
  .then((glue) => glue.default({ module_or_path: `/pkg/${wasm}` }))
  .catch((error) => {
    console.error('Briques could not start', error);
    const app = document.getElementById('app');
    if (app) {
      app.textContent = 'Briques n’a pas pu démarrer : ce navigateur ne gère peut-être pas WebAssembly. / Briques could not start.';
    }
  });

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch((error) => {
    console.warn('Briques: offline mode unavailable', error);
  });
}
