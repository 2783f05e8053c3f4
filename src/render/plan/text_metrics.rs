//! Text metrics of the connectieplan drawing: how a text is set ([`TextStyle`]), its estimated
//! width, and wrapping into lines.
//!
//! Text is measured with a fixed width per character (twice that for East Asian wide characters
//! and emoji), which over-estimates most proportional fonts, so that labels fit their boxes.

/// Longest label, in lines; the rest is cut with an ellipsis (the tooltip has it whole).
const MAX_LINES: usize = 5;

/// How a text is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextStyle {
    /// The drawing's title.
    Title,
    /// The line below the title.
    Subtitle,
    /// A column heading.
    Heading,
    /// The label of a box.
    BoxLabel,
    /// A node's name.
    Label,
    /// A short note below a name (status, "dealmaker", "signed, no working tie").
    Note,
    /// Legend text.
    Legend,
}

impl TextStyle {
    /// Font size in pixels.
    pub(crate) fn font_size(self) -> f64 {
        match self {
            TextStyle::Title => 18.0,
            TextStyle::Heading => 13.0,
            TextStyle::Note => 11.0,
            _ => 12.0,
        }
    }

    /// Height of one line.
    pub(crate) fn line_height(self) -> f64 {
        (self.font_size() * 1.3).round()
    }

    /// The most lines a text of this style takes; the rest is cut with an ellipsis.
    fn max_lines(self) -> usize {
        match self {
            TextStyle::Title | TextStyle::Note => 3,
            _ => MAX_LINES,
        }
    }

    /// Whether the text is bold.
    pub(crate) fn bold(self) -> bool {
        matches!(self, TextStyle::Title | TextStyle::Heading | TextStyle::BoxLabel)
    }
}

/// The estimated width of `text` in `style`.
pub(crate) fn text_width(text: &str, style: TextStyle) -> f64 {
    text.chars().map(|c| char_advance(c, style)).sum()
}

/// The estimated advance of `c` in `style`: a fixed width per character, in em, chosen at or
/// above Helvetica's, Arial's and DejaVu Sans's (the fonts a viewer falls back to), 10% more
/// for bold; East Asian wide characters and emoji count a little over 1 em.
fn char_advance(c: char, style: TextStyle) -> f64 {
    let wide = matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F000..=0x1FAFF | 0x20000..=0x3FFFD);
    let em = match c {
        _ if wide => 1.05,
        'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' => 0.32,
        'f' | 't' | 'r' | ' ' | '(' | ')' | '[' | ']' | '{' | '}' | '/' | '\\' | '-' | '"'
        | '`' => 0.42,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 1.0,
        '<' | '>' | '+' | '=' | '~' | '^' => 0.84,
        'A'..='Z' | '&' | '#' | '_' | '?' | '$' => 0.78,
        '0'..='9' => 0.64,
        _ if c.is_ascii() => 0.63,
        _ => 0.72,
    };
    let bold = if style.bold() { 1.1 } else { 1.0 };
    em * style.font_size() * bold
}

/// Breaks `text` into lines no wider than `width` in `style`: at white space, and inside words
/// that are too long on their own; at most the style's line limit, the last ending in `…` when
/// text was cut.
pub(crate) fn wrap(text: &str, width: f64, style: TextStyle) -> Vec<String> {
    let advance = |c: char| char_advance(c, style);
    let space = advance(' ');
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0;
    for word in text.split_whitespace() {
        let word_width = text_width(word, style);
        if !current.is_empty() && current_width + space + word_width <= width {
            current.push(' ');
            current.push_str(word);
            current_width += space + word_width;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            current_width = 0.0;
        }
        // Start a new line with the word, breaking it when it is too long on its own.
        for c in word.chars() {
            if !current.is_empty() && current_width + advance(c) > width {
                lines.push(std::mem::take(&mut current));
                current_width = 0.0;
            }
            current.push(c);
            current_width += advance(c);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let max_lines = style.max_lines();
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            // Make room for the ellipsis.
            let mut last_width = text_width(last, style);
            while last_width + advance('…') > width {
                match last.pop() {
                    Some(c) => last_width -= advance(c),
                    None => break,
                }
            }
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_spaces_and_inside_long_words_and_cuts_with_an_ellipsis() {
        let style = TextStyle::Label;
        let width = text_width("Gemeente", style) + 1.0;
        assert_eq!(wrap("Gemeente Een en Twee", width, style), ["Gemeente", "Een en", "Twee"]);
        assert_eq!(wrap("Gemeenteraad", width, style), ["Gemeente", "raad"]);
        let width = text_width("東京大学東", style) + 1.0;
        assert_eq!(wrap("東京大学東京大学", width, style), ["東京大学東", "京大学"]);
        assert_eq!(wrap("  \n ", width, style), Vec::<String>::new());
        let long = wrap(&"word ".repeat(40), width, style);
        assert_eq!(long.len(), MAX_LINES);
        assert!(long[MAX_LINES - 1].ends_with('…'));
        assert!(text_width("WWW", style) > text_width("iii", style) * 2.0);
        assert!(text_width("Ab", TextStyle::BoxLabel) > text_width("Ab", TextStyle::Label));
        for line in long {
            assert!(text_width(&line, style) <= width + 1e-9, "{line}");
        }
    }
}
