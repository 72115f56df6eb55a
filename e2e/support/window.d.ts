import type { PrivateRecs } from '../../src/client/private-recs';

declare global {
  interface Window {
    privateRecs: PrivateRecs;
  }
}
