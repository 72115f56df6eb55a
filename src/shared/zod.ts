import { z } from 'zod';

// No compiled validators: zod would probe `new Function`, which the app's Content-Security-Policy
// forbids, and Chromium reports the caught probe as a violation all the same.
z.config({ jitless: true });

/** zod, configured for the app: import it from here, not from 'zod'. */
export { z };
