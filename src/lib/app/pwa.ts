// Service worker registration (production builds only): precached app shell for offline use, and an
// update prompt instead of a silent swap so a packer is never reloaded mid-batch.
import { dev } from '$app/environment';

export function registerPwa(onNeedRefresh: (update: () => Promise<void>) => void): void {
  if (dev || !('serviceWorker' in navigator)) return;
  void import('virtual:pwa-register').then(({ registerSW }) => {
    const updateSW = registerSW({
      immediate: true,
      onNeedRefresh: () =>
        onNeedRefresh(async () => {
          // workbox-window reloads only when the page had a controller at registration; a page the first
          // version claimed without a reload must reload itself once the new version takes control.
          navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
          await updateSW(true);
        })
    });
  });
}
