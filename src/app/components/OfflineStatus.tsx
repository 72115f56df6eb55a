import { useOnline } from '../hooks/useOnline';

/** Says so while the browser has no network; everything but catalogue updates keeps working. */
export function OfflineStatus() {
  if (useOnline()) return null;
  return (
    <p className="notice warning" data-testid="pwa.offline">
      You are offline: recommendations and learning keep working on this device.
    </p>
  );
}
