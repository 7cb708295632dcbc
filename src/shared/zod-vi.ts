import { z } from 'zod';

// Every message a user reads is Vietnamese first: zod's own messages too.
z.config(z.locales.vi());

export { z };
