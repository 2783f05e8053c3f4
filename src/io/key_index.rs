//! An index from textual ids to positions, tuned for loading millions of references: ids of up
//! to 15 bytes are packed into one `u128` stored inside the hash table, so a lookup touches one
//! cache line instead of chasing a pointer to the key's heap buffer.

use std::hash::{BuildHasherDefault, Hasher};

use rustc_hash::FxHashMap;

/// A map from id text to `T`.
#[derive(Clone, Debug)]
pub(crate) struct KeyIndex<T> {
    short: std::collections::HashMap<u128, T, BuildHasherDefault<PackedHasher>>,
    long: FxHashMap<String, T>,
}

impl<T> Default for KeyIndex<T> {
    fn default() -> Self {
        KeyIndex { short: Default::default(), long: FxHashMap::default() }
    }
}

impl<T: Copy> KeyIndex<T> {
    /// The value of `key`, if present.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<T> {
        match pack(key) {
            Some(packed) => self.short.get(&packed).copied(),
            None => self.long.get(key).copied(),
        }
    }

    /// Inserts `key`; returns the previous value, if any.
    pub(crate) fn insert(&mut self, key: &str, value: T) -> Option<T> {
        match pack(key) {
            Some(packed) => self.short.insert(packed, value),
            None => self.long.insert(key.to_owned(), value),
        }
    }
}

/// Packs up to 15 bytes and the length into a `u128` (the length in the top byte keeps `"a"`
/// and `"a\0"` apart).
#[inline]
fn pack(key: &str) -> Option<u128> {
    let bytes = key.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let mut buffer = [0u8; 16];
    buffer[..bytes.len()].copy_from_slice(bytes);
    buffer[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(buffer))
}

/// Mixes the two halves of a packed key (a multiply-xorshift finalizer, as in SplitMix64).
#[derive(Default)]
pub(crate) struct PackedHasher {
    hash: u64,
}

impl Hasher for PackedHasher {
    fn finish(&self) -> u64 {
        self.hash
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u128(&mut self, value: u128) {
        let mut z = (value as u64) ^ ((value >> 64) as u64).rotate_left(32) ^ self.hash;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        self.hash = z ^ (z >> 31);
    }

    fn write_u64(&mut self, value: u64) {
        self.write_u128(u128::from(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_keys_are_found_and_kept_apart() {
        let mut index = KeyIndex::default();
        assert_eq!(index.insert("a", 1), None);
        assert_eq!(index.insert("a\0", 2), None);
        assert_eq!(index.insert("a_rather_long_identifier", 3), None);
        assert_eq!(index.insert("a", 4), Some(1));
        assert_eq!(index.get("a"), Some(4));
        assert_eq!(index.get("a\0"), Some(2));
        assert_eq!(index.get("a_rather_long_identifier"), Some(3));
        assert_eq!(index.get("b"), None);
        assert_eq!(index.get("exactly_15_byte"), None);
        index.insert("exactly_15_byte", 5);
        index.insert("exactly_16_bytes", 6);
        assert_eq!(index.get("exactly_15_byte"), Some(5));
        assert_eq!(index.get("exactly_16_bytes"), Some(6));
    }
}
