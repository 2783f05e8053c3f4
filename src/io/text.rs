//! Whether a file is text stakenet can read: UTF-16 and binary files told apart from UTF-8 by
//! their first bytes, before anything else is done with them.

/// How many bytes at the start of a file are looked at.
pub(crate) const SNIFF_BYTES: usize = 64 * 1024;

/// Why the file starting with `bytes` is not UTF-8 text, as a clause after "the file" (`is
/// UTF-16 text …`), with the byte offset of the first NUL when there is one; `None` when it
/// may be text. A UTF-16 file is recognised by its byte order mark, or, without one, by a NUL
/// in every other byte of mostly-ASCII text; any other NUL byte in the first
/// [`SNIFF_BYTES`] makes the file binary.
pub(crate) fn not_text(bytes: &[u8]) -> Option<(String, Option<usize>)> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        let order = if head[0] == 0xFF { "little-endian" } else { "big-endian" };
        return Some((
            format!("is UTF-16 text ({order}, with a byte order mark), not UTF-8"),
            None,
        ));
    }
    let first_nul = memchr::memchr(0, head)?;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let pairs = head.len() / 2;
    let mostly = |n: usize| n * 10 >= pairs * 3;
    let rarely = |n: usize| n * 20 < pairs;
    let order = if mostly(odd) && rarely(even) {
        Some("little-endian")
    } else if mostly(even) && rarely(odd) {
        Some("big-endian")
    } else {
        None
    };
    Some(match order {
        Some(order) => {
            (format!("is UTF-16 text ({order}, without a byte order mark), not UTF-8"), None)
        }
        None => (
            format!(
                "is not a text file (byte {} is a NUL byte): a workspace file is UTF-8 text",
                first_nul + 1
            ),
            Some(first_nul),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|unit| if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() })
            .collect()
    }

    #[test]
    fn utf16_and_binary_files_are_told_from_text() {
        assert_eq!(not_text(b"id,name\na,A\n"), None);
        assert_eq!(not_text("id,naam\nä,Ä\n".as_bytes()), None);
        let reason = |bytes: &[u8]| not_text(bytes).map(|(reason, _)| reason);
        let le = utf16("id,name\na,A\n", false);
        assert_eq!(
            reason(&le).as_deref(),
            Some("is UTF-16 text (little-endian, without a byte order mark), not UTF-8")
        );
        let be = utf16("id,name\na,A\n", true);
        assert!(reason(&be).is_some_and(|r| r.contains("big-endian, without")));
        let mut bom = b"\xFF\xFE".to_vec();
        bom.extend(&le);
        assert!(reason(&bom).is_some_and(|r| r.contains("with a byte order mark")));
        assert_eq!(
            not_text(&[0; 100]),
            Some((
                "is not a text file (byte 1 is a NUL byte): a workspace file is UTF-8 text"
                    .to_owned(),
                Some(0)
            ))
        );
        assert_eq!(not_text(b"id\nab\0c\n").and_then(|(_, at)| at), Some(5));
    }
}
