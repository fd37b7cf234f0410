// Registers the service worker in the production build only: in development
// a worker caching the shell would hide fresh code.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // not installable here (plain http on a LAN address); the app works without it
    });
  });
}
