// Starts the app: loads the content-hashed wasm-bindgen glue and module written by
// scripts/build-app (which fills in the two names below), then registers the service
// worker that keeps the app shell available offline.
import init from '/pkg/__APP_JS__';

init({ module_or_path: '/pkg/__APP_WASM__' }).catch((error) => {
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
