import type { PrivateRecs } from '../../src/app/private-recs';

declare global {
  interface Window {
    privateRecs: PrivateRecs;
  }
}
