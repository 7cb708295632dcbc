// The entry of a file reader's thread (file-readers.ts). A worker thread starts with Node's own
// loader, whatever the thread that started it uses, so the readers' TypeScript is loaded through
// tsx as the server's is (bin/trienkhai.js).
import { register } from 'tsx/esm/api';

register();
await import('./reader-thread.ts');
