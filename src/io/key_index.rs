//! An index from textual ids to positions, tuned for resolving millions of references: ids of
//! up to 15 bytes are packed into two `u64` words stored in an open-addressing table, so a
//! lookup touches one slot, and [`KeyIndex::get_many`] loads the slots of a whole batch before
//! comparing any, so that the cache misses of the batch overlap instead of queueing.

use std::collections::hash_map::Entry;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// A map from id text to `T`.
#[derive(Clone, Debug)]
pub(crate) struct KeyIndex<T> {
    /// Linear probing over a power-of-two number of slots, at most half full; a slot whose key
    /// is [`EMPTY`] is free (no packed key is all zeros, as the length byte of a key is ≥ 1).
    slots: Vec<Slot<T>>,
    len: usize,
    long: FxHashMap<String, T>,
}

#[derive(Clone, Copy, Debug)]
struct Slot<T> {
    key: [u64; 2],
    value: T,
}

const EMPTY: [u64; 2] = [0, 0];

impl<T> Default for KeyIndex<T> {
    fn default() -> Self {
        KeyIndex { slots: Vec::new(), len: 0, long: FxHashMap::default() }
    }
}

impl<T: Copy> KeyIndex<T> {
    /// The value of `key`, if present.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<T> {
        match pack(key) {
            Some(packed) => self.find(packed, self.home(packed)),
            None => self.long.get(key).copied(),
        }
    }

    /// The values of `keys`, in order, into `values` (cleared first). Equivalent to calling
    /// [`KeyIndex::get`] on each key, several times faster on an index larger than the caches.
    pub(crate) fn get_many(&self, keys: &[&str], values: &mut Vec<Option<T>>) {
        const GROUP: usize = 64;
        values.clear();
        values.reserve(keys.len());
        for group in keys.chunks(GROUP) {
            let mut packed = [None; GROUP];
            for (slot, key) in packed.iter_mut().zip(group) {
                *slot = pack(key).map(|p| (p, self.home(p)));
            }
            // Loading every home slot first lets the processor keep their misses in flight.
            let mut touched = 0u64;
            for &(_, home) in packed.iter().flatten() {
                if let Some(slot) = self.slots.get(home) {
                    touched = touched.wrapping_add(slot.key[0]);
                }
            }
            std::hint::black_box(touched);
            values.extend(group.iter().zip(&packed).map(|(key, packed)| match *packed {
                Some((packed, home)) => self.find(packed, home),
                None => self.long.get(*key).copied(),
            }));
        }
    }

    /// Makes room for `n` more keys without growing on the way.
    pub(crate) fn reserve(&mut self, n: usize, filler: T) {
        let needed = 2 * (self.len + n);
        if needed > self.slots.len() {
            self.rebuild(needed.next_power_of_two().max(16), filler);
        }
    }

    /// Inserts `keys[i]` with `value(i)`; a key met again keeps its first value, and
    /// `repeated(i, first)` is called, in order of `i`, with each later position and that
    /// value. The same index as [`KeyIndex::insert`] on each new key in order, built several
    /// times faster when the index is larger than the caches: the keys are placed in the order
    /// of their home slots, so the slots are written front to back instead of at random.
    pub(crate) fn insert_new(
        &mut self,
        keys: &[&str],
        value: impl Fn(usize) -> T,
        mut repeated: impl FnMut(usize, T),
    ) where
        T: Sync,
    {
        if keys.is_empty() {
            return;
        }
        self.reserve(keys.len(), value(0));
        let mut order: Vec<(usize, usize, [u64; 2])> = keys
            .par_iter()
            .enumerate()
            .filter_map(|(i, key)| pack(key).map(|packed| (self.home(packed), i, packed)))
            .collect();
        // By home slot, then by position: a key's first position comes first.
        order.par_sort_unstable_by_key(|&(home, i, _)| (home, i));
        let mut repeats = Vec::new();
        for (_, i, packed) in order {
            if let Some(first) = self.put_packed(packed, value(i), false) {
                repeats.push((i, first));
            }
        }
        for (i, key) in keys.iter().enumerate().filter(|(_, key)| pack(key).is_none()) {
            if let Some(first) = self.put(key, value(i), false) {
                repeats.push((i, first));
            }
        }
        repeats.sort_unstable_by_key(|&(i, _)| i);
        for (i, first) in repeats {
            repeated(i, first);
        }
    }

    /// Inserts `key`; returns the previous value, if any.
    #[cfg(test)]
    pub(crate) fn insert(&mut self, key: &str, value: T) -> Option<T> {
        self.put(key, value, true)
    }

    /// Inserts `key` unless present; returns the value it had, replaced when `replace`.
    fn put(&mut self, key: &str, value: T, replace: bool) -> Option<T> {
        let Some(packed) = pack(key) else {
            return match self.long.entry(key.to_owned()) {
                Entry::Occupied(mut entry) if replace => Some(entry.insert(value)),
                Entry::Occupied(entry) => Some(*entry.get()),
                Entry::Vacant(entry) => {
                    entry.insert(value);
                    None
                }
            };
        };
        self.put_packed(packed, value, replace)
    }

    /// [`KeyIndex::put`] for a short key, packed.
    fn put_packed(&mut self, packed: [u64; 2], value: T, replace: bool) -> Option<T> {
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow(value);
        }
        let mask = self.slots.len() - 1;
        let mut at = self.home(packed);
        loop {
            let slot = &mut self.slots[at];
            if slot.key == EMPTY {
                *slot = Slot { key: packed, value };
                self.len += 1;
                return None;
            }
            if slot.key == packed {
                return Some(if replace {
                    std::mem::replace(&mut slot.value, value)
                } else {
                    slot.value
                });
            }
            at = (at + 1) & mask;
        }
    }

    /// The slot where the search for `packed` starts (0 when there are no slots).
    #[inline]
    fn home(&self, packed: [u64; 2]) -> usize {
        (hash(packed) as usize) & self.slots.len().wrapping_sub(1)
    }

    #[inline]
    fn find(&self, packed: [u64; 2], home: usize) -> Option<T> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = home;
        loop {
            let slot = self.slots.get(at)?;
            if slot.key == packed {
                return Some(slot.value);
            }
            if slot.key == EMPTY {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// Doubles the slots (at least 16); `filler` is the value of the free slots.
    fn grow(&mut self, filler: T) {
        self.rebuild((2 * self.slots.len()).max(16), filler);
    }

    /// Re-inserts every key into `capacity` slots (a power of two); `filler` is the value of
    /// the free slots.
    fn rebuild(&mut self, capacity: usize, filler: T) {
        let old =
            std::mem::replace(&mut self.slots, vec![Slot { key: EMPTY, value: filler }; capacity]);
        let mask = capacity - 1;
        for slot in old.into_iter().filter(|slot| slot.key != EMPTY) {
            let mut at = self.home(slot.key);
            while self.slots[at].key != EMPTY {
                at = (at + 1) & mask;
            }
            self.slots[at] = slot;
        }
    }
}

/// Packs a key of 1 to 15 bytes and its length into two words (the length in the top byte
/// keeps `"a"` and `"a\0"` apart, and makes every packed key non-zero).
#[inline]
fn pack(key: &str) -> Option<[u64; 2]> {
    let bytes = key.as_bytes();
    if bytes.is_empty() || bytes.len() > 15 {
        return None;
    }
    let mut buffer = [0u8; 16];
    buffer[..bytes.len()].copy_from_slice(bytes);
    buffer[15] = bytes.len() as u8;
    let packed = u128::from_le_bytes(buffer);
    Some([packed as u64, (packed >> 64) as u64])
}

/// Mixes the two words of a packed key (the SplitMix64 finalizer).
#[inline]
fn hash(packed: [u64; 2]) -> u64 {
    let mut z = packed[0] ^ packed[1].rotate_left(32);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_keys_are_found_and_kept_apart() {
        let mut index = KeyIndex::default();
        assert_eq!(index.get("a"), None);
        assert_eq!(index.insert("a", 1), None);
        assert_eq!(index.insert("a\0", 2), None);
        assert_eq!(index.insert("a_rather_long_identifier", 3), None);
        assert_eq!(index.insert("a", 4), Some(1));
        assert_eq!(index.get("a"), Some(4));
        assert_eq!(index.get("a\0"), Some(2));
        assert_eq!(index.get("a_rather_long_identifier"), Some(3));
        assert_eq!(index.get("b"), None);
        assert_eq!(index.get(""), None);
        assert_eq!(index.get("exactly_15_byte"), None);
        index.insert("exactly_15_byte", 5);
        index.insert("exactly_16_bytes", 6);
        assert_eq!(index.get("exactly_15_byte"), Some(5));
        assert_eq!(index.get("exactly_16_bytes"), Some(6));
    }

    #[test]
    fn a_growing_index_agrees_with_a_hash_map_one_by_one_and_in_batches() {
        let mut index = KeyIndex::default();
        let mut reference = std::collections::HashMap::new();
        let key = |i: u32| match i % 3 {
            0 => format!("a{i}"),
            1 => format!("organisation-{i:08}"),
            _ => format!("x{}", i * 7919),
        };
        for i in 0..5000u32 {
            // Every seventh key is inserted twice, to replace its value.
            let k = key(i / 7 * 7 + (i % 7).min(5));
            assert_eq!(index.insert(&k, i), reference.insert(k.clone(), i), "{k}");
        }
        let probes: Vec<String> = (0..12_000u32).map(key).collect();
        let probes: Vec<&str> = probes.iter().map(String::as_str).collect();
        let mut values = vec![Some(99)];
        index.get_many(&probes, &mut values);
        assert_eq!(values.len(), probes.len());
        for (probe, value) in probes.iter().zip(&values) {
            assert_eq!(*value, reference.get(*probe).copied(), "{probe}");
            assert_eq!(index.get(probe), *value, "{probe}");
        }
        KeyIndex::<u32>::default().get_many(&probes, &mut values);
        assert!(values.iter().all(Option::is_none));
    }

    #[test]
    fn inserting_new_keys_in_batches_keeps_the_first_value_and_reports_repeats() {
        let keys: Vec<String> = (0..3000u32)
            .map(|i| match i % 4 {
                0 => format!("a{}", i / 3),
                1 => format!("long-identifier-{}", i / 3),
                2 => format!("b{}", i % 500),
                _ => format!("c{i}"),
            })
            .collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let mut batched = KeyIndex::default();
        let mut repeats = Vec::new();
        batched.insert_new(&keys, |i| i, |i, first| repeats.push((i, first)));
        let mut one_by_one = KeyIndex::default();
        let mut expected = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            match one_by_one.get(key) {
                Some(first) => expected.push((i, first)),
                None => assert_eq!(one_by_one.insert(key, i), None),
            }
        }
        assert!(!expected.is_empty());
        assert_eq!(repeats, expected);
        for key in &keys {
            assert_eq!(batched.get(key), one_by_one.get(key), "{key}");
        }
    }
}
