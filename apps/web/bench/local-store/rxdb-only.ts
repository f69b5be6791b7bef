// Bundle-size probe: the smallest program that opens the store and writes a record.
import { runRxdb } from './rxdb-store.ts';
void runRxdb();
