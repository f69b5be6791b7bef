// Bundle-size probe: the smallest program that opens the store and writes a record.
import { runDexie } from './dexie-store.ts';
void runDexie();
