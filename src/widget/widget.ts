/**
 * The embeddable widget (`dist/widget.js`): defines `<private-recs>` and exports the JavaScript
 * API of PRODUCT.md. The engine worker and its assets load relative to this module's URL.
 *
 * @example
 * <script type="module" src="https://shop.example/recs/widget.js"></script>
 * <private-recs catalogue="/catalogue.json" count="8"></private-recs>
 * <script type="module">
 *   import { track } from 'https://shop.example/recs/widget.js';
 *   track({ type: 'add_to_cart', itemId: 'sku-0042' });
 * </script>
 */
import { api } from './api';
import { PrivateRecsElement } from './element';
import { setFrameBase } from './frame/host-view';
import { startFrame } from './frame/inside';

export type { RecsApi } from './api';
export type { SelectDetail } from './element';
export { PrivateRecsElement, SELECT_EVENT } from './element';

export const {
  ready,
  track,
  recommend,
  campaign,
  dismissCampaign,
  exportData,
  importData,
  forget,
} = api;
/** The same API as one object (what the demo app calls `window.privateRecs`). */
export const privateRecs = api;

setFrameBase(new URL(/* @vite-ignore */ './', import.meta.url));
// The isolated mode's frame page loads this module too, and serves its parent from here.
if (document.documentElement.hasAttribute('data-private-recs-frame')) startFrame();
if (!customElements.get('private-recs')) customElements.define('private-recs', PrivateRecsElement);
