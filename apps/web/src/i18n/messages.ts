// The shape of a message catalog: flat keys, plural forms as i18next's `_one` / `_other` suffixes.

/** A catalog; with `T`, one with exactly T's keys (Spanish must say everything English says). */
export type Messages<T extends Record<string, string> = Record<string, string>> = {
  [K in keyof T]: string;
};

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** A key as code passes it to `t`: `checkedIn_one` / `checkedIn_other` are both `checkedIn`. */
export type MessageKey<T> = keyof T extends infer K
  ? K extends `${infer Base}_${PluralSuffix}`
    ? Base
    : K & string
  : never;
