/**
 * The master key tests and benches open their databases with: fixed, so a
 * second handle (another process, a reopened folder) opens the same data.
 */
import type { MasterKeySource } from "../../src/store/sealing/master-key";

export const TEST_MASTER_KEY = "a3".repeat(32);
export const TEST_KEYS: MasterKeySource = { key: TEST_MASTER_KEY };
