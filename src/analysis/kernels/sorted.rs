//! Sorted neighbour lists: the values two ascending lists share, counted in one merge.

/// The number of values in both ascending, duplicate-free slices: one merge, O(|a| + |b|).
pub(crate) fn count_common(a: &[u32], b: &[u32]) -> usize {
    let (mut x, mut y, mut common) = (0, 0, 0);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                x += 1;
                y += 1;
            }
        }
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_values_are_counted_once() {
        assert_eq!(count_common(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(count_common(&[], &[1]), 0);
        assert_eq!(count_common(&[4], &[4]), 1);
    }
}
