//! Where the map's labels go: the largest actors first, each label tried right of its actor,
//! left, above, below, then at the four corners; the first spot that overlaps no actor and no
//! label placed before wins, and a label that finds none is left out (its actor keeps the
//! name as hover text). Widths come from the connectieplan's text metrics, which over-estimate
//! proportional fonts, so a label drawn stays inside its box.

use crate::render::plan::text_metrics::{TextStyle, text_width};

/// The font of labels.
pub(crate) const LABEL_STYLE: TextStyle = TextStyle::Label;
/// Space between an actor's circle and its label.
const GAP: f64 = 3.0;
/// Space kept around every label and circle.
const MARGIN: f64 = 1.5;
/// Longest label in characters; the rest is cut with `…` (the hover text has it whole).
const MAX_CHARS: usize = 32;
/// How much further out than touching its circle a label may sit, in pixels, tried in turn.
const LABEL_RINGS: [f64; 3] = [0.0, 6.0, 14.0];

/// An axis-aligned box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Rect {
    /// Whether the two boxes share more than a boundary.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    /// Whether the box overlaps the circle at `centre` with `radius`.
    pub fn meets_circle(&self, centre: [f64; 2], radius: f64) -> bool {
        let nearest_x = centre[0].clamp(self.x, self.x + self.width);
        let nearest_y = centre[1].clamp(self.y, self.y + self.height);
        let (dx, dy) = (centre[0] - nearest_x, centre[1] - nearest_y);
        dx * dx + dy * dy < radius * radius
    }

    fn grown(&self, by: f64) -> Rect {
        Rect {
            x: self.x - by,
            y: self.y - by,
            width: self.width + 2.0 * by,
            height: self.height + 2.0 * by,
        }
    }
}

/// A label placed next to its actor.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// The text drawn (the name, cut with `…` when long).
    pub text: String,
    /// Where the text starts (left, `text-anchor: start`).
    pub x: f64,
    /// Its baseline.
    pub baseline: f64,
    /// The box it takes.
    pub rect: Rect,
}

/// The text of a label for `name`.
pub(crate) fn label_text(name: &str) -> String {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() <= MAX_CHARS {
        return name;
    }
    let mut cut: String = name.chars().take(MAX_CHARS - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// The height of a label's box and where its baseline sits below the box's top.
fn label_height() -> (f64, f64) {
    let size = LABEL_STYLE.font_size();
    (size * 1.25, size * 0.95)
}

/// A uniform grid of cells over the plane holding the boxes and circles placed so far.
struct Grid {
    cell: f64,
    cells: std::collections::HashMap<(i64, i64), Vec<Obstacle>>,
}

#[derive(Clone, Copy)]
enum Obstacle {
    Circle([f64; 2], f64),
    Box(Rect),
}

impl Grid {
    fn new(cell: f64) -> Self {
        Grid { cell, cells: std::collections::HashMap::new() }
    }

    fn range(&self, rect: &Rect) -> (i64, i64, i64, i64) {
        let c = |v: f64| (v / self.cell).floor() as i64;
        (c(rect.x), c(rect.x + rect.width), c(rect.y), c(rect.y + rect.height))
    }

    fn insert(&mut self, bounds: Rect, obstacle: Obstacle) {
        let (x0, x1, y0, y1) = self.range(&bounds);
        for gx in x0..=x1 {
            for gy in y0..=y1 {
                self.cells.entry((gx, gy)).or_default().push(obstacle);
            }
        }
    }

    fn blocked(&self, rect: &Rect) -> bool {
        let (x0, x1, y0, y1) = self.range(rect);
        for gx in x0..=x1 {
            for gy in y0..=y1 {
                let Some(cell) = self.cells.get(&(gx, gy)) else { continue };
                for obstacle in cell {
                    let hit = match *obstacle {
                        Obstacle::Circle(centre, radius) => {
                            rect.meets_circle(centre, radius + MARGIN)
                        }
                        Obstacle::Box(other) => rect.overlaps(&other.grown(MARGIN)),
                    };
                    if hit {
                        return true;
                    }
                }
            }
        }
        false
    }
}

/// Places the labels of the actors in `order` (the most important first; at most `limit`)
/// among every actor's circle (`centres`, `radii`, in pixels). `names[i]` is actor i's name.
/// Returns per actor its label, or `None` (not asked for, or no free spot).
pub(crate) fn place_labels(
    centres: &[[f64; 2]],
    radii: &[f64],
    names: &[&str],
    order: &[usize],
    limit: usize,
) -> Vec<Option<Label>> {
    let mut grid = Grid::new(64.0);
    for (&centre, &radius) in centres.iter().zip(radii) {
        let bounds = Rect {
            x: centre[0] - radius - MARGIN,
            y: centre[1] - radius - MARGIN,
            width: 2.0 * (radius + MARGIN),
            height: 2.0 * (radius + MARGIN),
        };
        grid.insert(bounds, Obstacle::Circle(centre, radius));
    }
    let (height, ascent) = label_height();
    let mut labels = vec![None; centres.len()];
    for &node in order.iter().take(limit) {
        let full = label_text(names[node]);
        if full.is_empty() {
            continue;
        }
        // The full name first; where it does not fit, the abbreviation a name ends with
        // ("Ministerie van … (LNV)" → "LNV"), so that a crowded hub is still named.
        let texts = std::iter::once(full).chain(short_label(names[node]));
        for text in texts {
            if let Some(label) =
                place_one(&mut grid, &text, centres[node], radii[node], (height, ascent))
            {
                labels[node] = Some(label);
                break;
            }
        }
    }
    labels
}

/// The abbreviation in brackets at the end of a name (`Ministerie van EZK (EZK)` → `EZK`): at
/// most 10 characters, no space.
fn short_label(name: &str) -> Option<String> {
    let inner = name.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let short = &inner[open + 1..];
    (!short.is_empty() && short.chars().count() <= 10 && !short.contains(char::is_whitespace))
        .then(|| short.to_owned())
}

/// Places `text` at the first free spot around the circle (`centre`, `radius`), marking it taken.
fn place_one(
    grid: &mut Grid,
    text: &str,
    [cx, cy]: [f64; 2],
    radius: f64,
    (height, ascent): (f64, f64),
) -> Option<Label> {
    {
        let width = text_width(text, LABEL_STYLE);
        // Top-left corners of the candidate boxes: right, left, above, below, then the corners;
        // touching the circle first, then a little further out (a hub is ringed by its
        // neighbours, and its name matters most).
        let candidates = LABEL_RINGS.iter().flat_map(|&further| {
            let r = radius + GAP + further;
            let diagonal = radius * std::f64::consts::FRAC_1_SQRT_2 + GAP + further;
            [
                (cx + r, cy - height / 2.0),
                (cx - r - width, cy - height / 2.0),
                (cx - width / 2.0, cy - r - height),
                (cx - width / 2.0, cy + r),
                (cx + diagonal, cy - diagonal - height),
                (cx + diagonal, cy + diagonal),
                (cx - diagonal - width, cy - diagonal - height),
                (cx - diagonal - width, cy + diagonal),
            ]
        });
        for (x, y) in candidates {
            let rect = Rect { x, y, width, height };
            if !grid.blocked(&rect) {
                grid.insert(rect.grown(MARGIN), Obstacle::Box(rect));
                return Some(Label { text: text.to_owned(), x, baseline: y + ascent, rect });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_overlaps(centres: &[[f64; 2]], radii: &[f64], labels: &[Option<Label>]) {
        let placed: Vec<&Label> = labels.iter().flatten().collect();
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
            }
            for (c, r) in centres.iter().zip(radii) {
                assert!(!a.rect.meets_circle(*c, *r), "{a:?} meets the circle at {c:?}");
            }
        }
    }

    #[test]
    fn a_label_goes_right_of_its_actor_when_that_is_free() {
        let centres = [[0.0, 0.0]];
        let labels = place_labels(&centres, &[5.0], &["Enschede"], &[0], 1);
        let label = labels[0].as_ref().unwrap();
        assert_eq!(label.x, 5.0 + GAP);
        assert_eq!(label.text, "Enschede");
        assert!((label.rect.y + label.rect.height / 2.0).abs() < 1e-9, "centred vertically");
    }

    #[test]
    fn a_label_moves_left_when_a_neighbour_stands_on_its_right() {
        let centres = [[0.0, 0.0], [20.0, 0.0]];
        let radii = [5.0, 5.0];
        let labels = place_labels(&centres, &radii, &["Enschede", "B"], &[0], 1);
        let label = labels[0].as_ref().unwrap();
        assert!(label.rect.x + label.rect.width <= -5.0, "{label:?}");
        no_overlaps(&centres, &radii, &labels);
    }

    #[test]
    fn a_crowded_actor_loses_its_label_and_only_the_asked_number_are_placed() {
        // An actor ringed by neighbours has no free spot.
        let mut centres = vec![[0.0, 0.0]];
        for i in 0..24 {
            let angle = std::f64::consts::TAU * f64::from(i) / 24.0;
            centres.push([18.0 * angle.cos(), 18.0 * angle.sin()]);
            centres.push([40.0 * angle.cos(), 40.0 * angle.sin()]);
        }
        let radii = vec![6.0; centres.len()];
        let names = vec!["A long name"; centres.len()];
        let order: Vec<usize> = (0..centres.len()).collect();
        let labels = place_labels(&centres, &radii, &names, &order, 1);
        assert!(labels[0].is_none());
        assert_eq!(labels.iter().flatten().count(), 0);
        let labels = place_labels(&centres, &radii, &names, &order, centres.len());
        assert!(labels.iter().flatten().count() > 0);
        no_overlaps(&centres, &radii, &labels);
    }

    #[test]
    fn labels_never_overlap_on_a_dense_random_plane() {
        let mut random = crate::random::SplitMix64::new(7);
        let centres: Vec<[f64; 2]> =
            (0..400).map(|_| [random.unit() * 600.0, random.unit() * 600.0]).collect();
        let radii: Vec<f64> = (0..400).map(|i| 4.0 + f64::from(i % 5)).collect();
        let names: Vec<String> = (0..400).map(|i| format!("Actor number {i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let order: Vec<usize> = (0..400).collect();
        let labels = place_labels(&centres, &radii, &names, &order, 400);
        assert!(labels.iter().flatten().count() > 10);
        no_overlaps(&centres, &radii, &labels);
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        let text = label_text(&"Ministerie van ".repeat(5));
        assert!(text.ends_with('…'));
        assert!(text.chars().count() <= MAX_CHARS);
        assert_eq!(label_text("  a \n b "), "a b");
    }
}

#[cfg(test)]
mod short_labels {
    use super::short_label;

    #[test]
    fn a_bracketed_abbreviation_stands_in_for_a_long_name() {
        assert_eq!(
            short_label("Ministerie van Landbouw, Natuur en Voedselkwaliteit (LNV)").as_deref(),
            Some("LNV")
        );
        assert_eq!(short_label("Gemeente Een"), None);
        assert_eq!(short_label("Regio Deal (the deal: its budget)"), None);
    }
}
