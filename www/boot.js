// Starts the app: loads the content-hashed wasm-bindgen glue and module written by
// scripts/build-app (which fills in the names below), then registers the service worker
// that keeps the app shell available offline. The budget explorer is its own bundle: the
// address says which one this page needs (the app loads the page again when it moves to
// a page of the other one).
const budget = window.location.pathname === '/budget';
const js = budget ? '__BUDGET_JS__' : '__BRIQUES_JS__';
const wasm = budget ? '__BUDGET_WASM__' : '__BRIQUES_WASM__';

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
