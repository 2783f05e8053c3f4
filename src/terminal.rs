//! Text from the data made safe to show on a terminal: control characters (C0, DEL, C1) and
//! the Unicode controls that reorder or break text (bidi embeddings, overrides and isolates,
//! line and paragraph separators) shown escaped, `\u{1b}`, so that a hostile file cannot move
//! the cursor, clear the screen, retitle the window or hide and reorder what is printed.

use std::borrow::Cow;

/// Whether `c` is shown escaped: a control character other than a line end or tab (those
/// [`escape_controls`] keeps when asked to), or a Unicode formatting control that changes how
/// the text around it is ordered or broken.
fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' // Arabic letter mark
            | '\u{200E}' | '\u{200F}' // left-to-right and right-to-left marks
            | '\u{2028}' | '\u{2029}' // line and paragraph separators
            | '\u{202A}'..='\u{202E}' // embeddings and overrides
            | '\u{2066}'..='\u{2069}' // isolates
        )
}

/// `text` with every control character written as a Rust escape (`\u{1b}`), except, when
/// `keep_lines` is true, line feeds and tabs (for text made of several lines, such as a list
/// of problems). Text without such characters is returned as it is; escaping twice changes
/// nothing more.
pub fn escape_controls(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let escaped = |c: char| is_hidden_control(c) && !(keep_lines && matches!(c, '\n' | '\t'));
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_the_rest_kept() {
        assert_eq!(escape_controls("plain café 漢字", false), "plain café 漢字");
        assert_eq!(
            escape_controls("a\x1b]0;title\x07b\r\x1b[Kc", false),
            "a\\u{1b}]0;title\\u{7}b\\u{d}\\u{1b}[Kc"
        );
        assert_eq!(
            escape_controls("x\u{202E}y\u{2066}z\u{85}", false),
            "x\\u{202e}y\\u{2066}z\\u{85}"
        );
        assert_eq!(escape_controls("a\nb\tc\r", true), "a\nb\tc\\u{d}");
        assert_eq!(escape_controls("a\nb", false), "a\\u{a}b");
        let once = escape_controls("\x1b[2J", false).into_owned();
        assert_eq!(escape_controls(&once, false), once);
    }
}
